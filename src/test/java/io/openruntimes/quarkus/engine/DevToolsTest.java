package io.openruntimes.quarkus.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The engine's dev-mode hook: a FunctionSourceProvider found in the folders OPENRUNTIMES_DEV_TOOLS names, or why not. */
class DevToolsTest {

    private static final ClassLoader RUNTIME = DevToolsTest.class.getClassLoader();
    private static final FunctionEntrypoint GIVEN = FunctionEntrypoint.unavailable("Given", "the provider's own");

    @TempDir
    Path tools;

    @Test
    void theProviderInTheToolsGivesEveryExecutionsEntrypoint() throws IOException {
        Path services = Files.createDirectories(tools.resolve("META-INF/services"));
        Files.writeString(services.resolve(FunctionSourceProvider.class.getName()), GivenProvider.class.getName() + "\n");

        FunctionSource source = DevTools.load(List.of(tools), BuiltFunctionTest.V5, RUNTIME);

        assertSame(GIVEN, source.entrypoint());
        assertSame(BuiltFunctionTest.V5, GivenProvider.signature);
    }

    @Test
    void toolsWithoutAProviderAreUnavailableSayingSo() {
        FunctionEntrypoint entrypoint = DevTools.load(List.of(tools), BuiltFunctionTest.V5, RUNTIME).entrypoint();

        assertFalse(entrypoint.available());
        assertTrue(entrypoint.problem().contains("name no " + FunctionSourceProvider.class.getName()), entrypoint.problem());
        assertTrue(entrypoint.problem().contains("OPENRUNTIMES_DEV_TOOLS"), entrypoint.problem());
    }

    @Test
    void missingToolsAreUnavailableNamingThem() {
        Path missing = tools.resolve("missing");

        FunctionEntrypoint entrypoint = DevTools.load(List.of(tools, missing), BuiltFunctionTest.V5, RUNTIME).entrypoint();

        assertFalse(entrypoint.available());
        assertEquals("The dev tools in " + List.of(tools, missing) + " (OPENRUNTIMES_DEV_TOOLS) cannot be used: " + missing
                + " does not exist", entrypoint.problem());
    }

    /** A provider as dev mode's tools hold one: loaded by name from the tools' META-INF/services. */
    public static final class GivenProvider implements FunctionSourceProvider {

        static MainSignature signature;

        @Override
        public FunctionSource open(MainSignature signature, ClassLoader runtime) {
            GivenProvider.signature = signature;
            return FunctionSource.fixed(GIVEN);
        }
    }
}
