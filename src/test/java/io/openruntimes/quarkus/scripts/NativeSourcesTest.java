package io.openruntimes.quarkus.scripts;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * What can be checked of a native build without GraalVM: build.sh with OPENRUNTIMES_PACKAGE=native
 * runs the whole Quarkus native build up to native-image's input (quarkus.native.sources-only),
 * and that input names the binary build.sh packs and registers the function for reflection.
 */
class NativeSourcesTest {

    @TempDir
    static Path scratch;
    static Scripts.Build build;
    static Path sources;

    @BeforeAll
    static void buildTheSeedFunctionsNativeSources() {
        build = Scripts.build(BuildAndStartTest.FUNCTIONS.resolve("seed"), "Index.java", scratch,
                Map.of("OPENRUNTIMES_PACKAGE", "native", "OPENRUNTIMES_NATIVE_SOURCES_ONLY", "true"));
        sources = scratch.resolve("workspace/target/native-sources");
    }

    @Test
    void theBuildStopsAtTheNativeSourcesAndPacksNothing() {
        assertEquals(0, build.exitCode(), build.output());
        assertTrue(build.output().contains("Compiling Index with the runtime (native)"), build.output());
        assertTrue(build.output().contains("Native sources in " + sources), build.output());
        assertTrue(Files.notExists(build.archive()), "a sources-only build must not leave a code.tar.gz");
    }

    @Test
    void nativeImageWouldWriteTheBinaryBuildShPacks() throws IOException {
        List<String> args = Arrays.asList(Files.readString(sources.resolve("native-image.args")).trim().split("\\s+"));
        int jar = args.lastIndexOf("-jar");
        assertTrue(jar > 0, "no -jar in " + args);
        assertEquals("function-runner", args.get(jar - 1), "native-image's output name");
        assertEquals("function-runner.jar", args.get(jar + 1));
        assertTrue(args.contains("--no-fallback"), "a fallback image would need a JVM: " + args);
    }

    @Test
    void theFunctionAndItsDependenciesAreOnNativeImagesClassPath() throws IOException {
        try (ZipFile jar = new ZipFile(sources.resolve("function-runner.jar").toFile())) {
            assertNotNull(jar.getEntry("Index.class"), "the function's class");
            assertTrue(read(jar, "META-INF/microprofile-config.properties").contains("openruntimes.function.class=Index"));
            // The builder (src/build/java) builds the function; it is not served with it.
            assertNull(jar.getEntry("io/openruntimes/build/FunctionBuilder.class"), "the function builder is in the served jar");
        }
        // The function's pom asks for Gson 2.13.1; Gson is the v5 API's too, so the runtime's version is the one served.
        try (var libs = Files.list(sources.resolve("lib"))) {
            assertTrue(libs.anyMatch(jar -> jar.getFileName().toString().matches("com\\.google\\.code\\.gson\\.gson-[0-9.]+\\.jar")),
                    "the function's own dependency");
        }
    }

    @Test
    void theFunctionIsRegisteredForReflection() throws IOException {
        // native-image reads every META-INF/native-image/**/reflect-config.json on its class path:
        // Class.forName, the no-argument constructor and main(Request, Response) then work in the binary.
        try (ZipFile jar = new ZipFile(sources.resolve("function-runner.jar").toFile())) {
            String config = read(jar, "META-INF/native-image/io.openruntimes/function/reflect-config.json").replaceAll("\\s+", "");
            assertTrue(config.contains("\"name\":\"Index\""), config);
            assertTrue(config.contains("{\"name\":\"<init>\",\"parameterTypes\":[]}"), config);
            assertTrue(config.contains("{\"name\":\"main\",\"parameterTypes\":[\"io.openruntimes.quarkus.Request\",\"io.openruntimes.quarkus.Response\"]}"),
                    config);
        }
    }

    private static String read(ZipFile jar, String name) throws IOException {
        ZipEntry entry = jar.getEntry(name);
        assertNotNull(entry, name + " is not in " + jar.getName());
        return new String(jar.getInputStream(entry).readAllBytes(), StandardCharsets.UTF_8);
    }
}
