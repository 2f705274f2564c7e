package io.openruntimes.build;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Properties;
import java.util.jar.JarOutputStream;
import java.util.zip.ZipEntry;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** function.properties (SPEC section 1) and the API version it takes from the function API jar. */
class FunctionDescriptorTest {

    @TempDir
    Path temp;

    @Test
    void theApiVersionIsTheApiJarsOwn() throws IOException {
        Properties runtimes = new Properties();
        try (var in = FunctionDescriptorTest.class.getResourceAsStream("/" + FunctionDescriptor.API_PROPERTIES)) {
            runtimes.load(in);
        }
        assertEquals(runtimes.getProperty("version"), FunctionDescriptor.apiVersion(TestFunctions.apiJar()));
        assertEquals("2.3", FunctionDescriptor.apiVersion(jar("v.jar", Map.of(FunctionDescriptor.API_PROPERTIES, "# x\nversion = 2.3\n"))));
    }

    @Test
    void aJarThatIsNotTheApiFailsNamingIt() throws IOException {
        Path other = jar("other.jar", Map.of("a.txt", ""));
        assertTrue(assertThrows(BuildFailure.class, () -> FunctionDescriptor.apiVersion(other)).getMessage()
                .startsWith("the function API jar " + other + " has no META-INF/openruntimes/function-api.properties"));
        Path noVersion = jar("none.jar", Map.of(FunctionDescriptor.API_PROPERTIES, "other=1\n"));
        assertTrue(assertThrows(BuildFailure.class, () -> FunctionDescriptor.apiVersion(noVersion)).getMessage().contains("names no version"));
        assertTrue(assertThrows(BuildFailure.class, () -> FunctionDescriptor.apiVersion(temp.resolve("missing.jar"))).getMessage()
                .startsWith("the function API jar is missing"));
    }

    @Test
    void theDescriptorHoldsTheFourKeysAndReadsBack() throws IOException {
        FunctionDescriptor.write(temp.resolve("out"), "1.0", "io.openruntimes.java.src.Main", "src/Main.java", "v5");
        Properties read = FunctionDescriptor.read(temp.resolve("out"));
        assertEquals(Map.of("api-version", "1.0", "class", "io.openruntimes.java.src.Main", "entrypoint", "src/Main.java", "protocol", "v5"),
                Map.copyOf(read));
        String text = Files.readString(temp.resolve("out/function.properties"));
        assertEquals("# The function this folder holds (written by the function builder).\n"
                + "api-version=1.0\nclass=io.openruntimes.java.src.Main\nentrypoint=src/Main.java\nprotocol=v5\n", text);
        // An entrypoint Properties would misread unescaped still reads back as written.
        FunctionDescriptor.write(temp.resolve("odd"), "1.0", "Index", "my dir/a=b:c.java", "classic");
        assertEquals("my dir/a=b:c.java", FunctionDescriptor.read(temp.resolve("odd")).getProperty("entrypoint"));
    }

    private Path jar(String name, Map<String, String> entries) throws IOException {
        Path jar = temp.resolve(name);
        try (OutputStream file = Files.newOutputStream(jar); JarOutputStream out = new JarOutputStream(file)) {
            for (var entry : entries.entrySet()) {
                out.putNextEntry(new ZipEntry(entry.getKey()));
                out.write(entry.getValue().getBytes(StandardCharsets.UTF_8));
                out.closeEntry();
            }
        }
        return jar;
    }
}
