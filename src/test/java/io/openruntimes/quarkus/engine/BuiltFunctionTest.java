package io.openruntimes.quarkus.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.openruntimes.java.RuntimeContext;
import io.openruntimes.java.RuntimeOutput;
import io.openruntimes.quarkus.Request;
import io.openruntimes.quarkus.Response;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Which built function folders a runtime serves, and what every execution hears when it does not. */
class BuiltFunctionTest {

    static final MainSignature CLASSIC = FunctionClassLoaderTest.CLASSIC;
    static final MainSignature V5 = new MainSignature("v5", "main(RuntimeContext context)", RuntimeOutput.class,
            List.of(RuntimeContext.class), true);
    static final String HELLO = FunctionClassLoaderTest.function("return \"hello\";");

    @TempDir
    Path scratch;

    private FunctionEntrypoint load(Map<String, String> descriptor, Optional<String> startEntrypoint, MainSignature signature) {
        Path folder = BuiltFunctions.make(scratch, Map.of("Index.java", HELLO), List.of(), descriptor);
        return BuiltFunction.load(folder, startEntrypoint, BuiltFunctionTest.class.getClassLoader(), signature);
    }

    @Test
    void aFolderOfThisApiAndProtocolIsServed() throws Throwable {
        FunctionEntrypoint entrypoint = load(Map.of(), Optional.of("Index.java"), CLASSIC);
        assertTrue(entrypoint.available(), entrypoint.problem());
        assertEquals("hello", ((Response) entrypoint.call(new Request(), new Response())).getBody());
        assertTrue(entrypoint.className().equals("Index"));
    }

    @ParameterizedTest(name = "api-version {0}: served {1}")
    @CsvSource({
        "1.0, true",
        "1.00, true",
        "0.9, false",
        "1.1, false",
        "2.0, false",
        "one, false",
        "1, false",
    })
    void servedApiVersions(String version, boolean served) {
        FunctionEntrypoint entrypoint = load(Map.of("api-version", version), Optional.empty(), CLASSIC);
        assertEquals(served, entrypoint.available(), String.valueOf(entrypoint.problem()));
        if (!served) {
            assertEquals("This function was compiled against function API " + version + ", and this runtime serves API "
                    + FunctionApi.VERSION + " (and older ones of the same major version): build it again with this runtime's build.sh",
                    entrypoint.problem());
        }
    }

    @Test
    void aV5BuildStartedAsClassicIsRefusedNamingBothScripts() {
        FunctionEntrypoint entrypoint = load(Map.of("protocol", "v5"), Optional.empty(), CLASSIC);
        assertFalse(entrypoint.available());
        assertEquals("This function was built for the v5 protocol (helpers/build.sh), and this runtime was started for the classic"
                + " protocol (start.sh): build it with build.sh, or start it with helpers/start.sh", entrypoint.problem());
    }

    @Test
    void aClassicBuildStartedAsV5IsRefused() {
        FunctionEntrypoint entrypoint = load(Map.of(), Optional.empty(), V5);
        assertFalse(entrypoint.available());
        assertTrue(entrypoint.problem().startsWith("This function was built for the classic protocol (build.sh)"), entrypoint.problem());
    }

    @Test
    void anotherEntrypointAtStartIsRefusedNamingBoth() {
        FunctionEntrypoint entrypoint = load(Map.of(), Optional.of("Other.java"), CLASSIC);
        assertFalse(entrypoint.available());
        assertTrue(entrypoint.problem().startsWith("INTERNAL_RUNTIME_ENTRYPOINT names Other.java, but this build compiled Index.java"),
                entrypoint.problem());
    }

    @Test
    void aFolderWithoutDescriptorIsRefused() throws IOException {
        Path folder = Files.createDirectories(scratch.resolve("empty"));
        FunctionEntrypoint entrypoint = BuiltFunction.load(folder, Optional.empty(), getClass().getClassLoader(), CLASSIC);
        assertFalse(entrypoint.available());
        assertEquals(folder.resolve("function.properties") + " is missing: " + folder + " is not a function built by build.sh",
                entrypoint.problem());
    }

    @Test
    void aDescriptorWithoutClassIsRefused() throws IOException {
        Path folder = Files.createDirectories(scratch.resolve("no-class"));
        Files.writeString(folder.resolve("function.properties"), "api-version=1.0\nentrypoint=Index.java\nprotocol=classic\n");
        FunctionEntrypoint entrypoint = BuiltFunction.load(folder, Optional.empty(), getClass().getClassLoader(), CLASSIC);
        assertEquals(folder.resolve("function.properties") + " names no class: rebuild the function with build.sh", entrypoint.problem());
    }

    @Test
    void anEntryClassMissingFromTheFolderIsRefused() {
        FunctionEntrypoint entrypoint = load(Map.of("class", "com.example.Gone"), Optional.empty(), CLASSIC);
        assertFalse(entrypoint.available());
        assertTrue(entrypoint.problem().startsWith("Entrypoint class com.example.Gone (from Index.java) cannot be loaded"),
                entrypoint.problem());
    }
}
