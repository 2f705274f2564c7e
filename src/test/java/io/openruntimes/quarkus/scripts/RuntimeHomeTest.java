package io.openruntimes.quarkus.scripts;

import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import java.util.zip.ZipFile;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The runtime home (SPEC.md section 3) and what a JVM build packs against it: the home's layout,
 * a one-file function built without Maven into a small archive of its folder alone, and an
 * archive of the earlier layout (a whole quarkus-app) still served as it was.
 */
class RuntimeHomeTest {

    @TempDir
    static Path scratch;
    static Path home;

    @BeforeAll
    static void makeTheHome() {
        home = Scripts.runtimeHome();
    }

    @Test
    void theHomeHoldsTheRuntimeItsClassArchivesTheApiAndTheBuilder() throws IOException {
        for (String file : List.of("ready", "quarkus-app/quarkus-run.jar", "api/function-api.jar", "api/gson.jar",
                "builder/io/openruntimes/build/FunctionBuilder.class")) {
            assertTrue(Files.isRegularFile(home.resolve(file)), file + " in " + home);
        }
        String app = Scripts.listing(home.resolve("quarkus-app"));
        for (String protocol : List.of("classic", "v5")) {
            assertTrue(app.lines().anyMatch(name -> name.matches("jdk-\\d+-" + protocol + "\\.(aot|jsa)")), protocol + " archive in:\n" + app);
        }
        // The training run's own classes are not in the jar the runtime serves from.
        try (Stream<Path> jars = Files.list(home.resolve("quarkus-app/app"));
                ZipFile jar = new ZipFile(jars.findFirst().orElseThrow().toFile())) {
            assertEquals(List.of(), jar.stream().map(entry -> entry.getName()).filter(name -> name.contains("Training")).toList());
        }
    }

    @Test
    void aHomeNewerThanTheSourcesIsUsedAsItIs() {
        long started = System.nanoTime();
        assertEquals(home, Scripts.runtimeHome());
        long took = (System.nanoTime() - started) / 1_000_000;
        assertTrue(took < 30_000, "a fresh home was made again (" + took + " ms)");
    }

    /** Maven unreachable (its wrapper pointed at a closed port, with no distribution to fall back on): a build that ran it fails. */
    @Test
    void aOneFileFunctionBuildsWithoutMavenIntoASmallArchiveOfItsFolder() throws IOException {
        Path folder = scratch.resolve("one-file");
        Scripts.Build build = Scripts.build(BuildAndStartTest.FUNCTIONS.resolve("hello"), "Index.java", folder,
                Map.of("MVNW_REPOURL", "http://127.0.0.1:9", "MAVEN_USER_HOME", folder.resolve("no-maven").toString()));
        assertEquals(0, build.exitCode(), build.output());
        assertFalse(Files.exists(folder.resolve("no-maven/wrapper")), "Maven's wrapper ran:\n" + build.output());
        long size = Files.size(build.archive());
        assertTrue(size < 64 * 1024, size + " bytes");

        String packed = Scripts.listing(folder.resolve("workspace/function"));
        assertTrue(packed.contains("function.properties\n") && packed.contains("classes/com/example/Index.class\n"), packed);
        assertFalse(packed.contains(".java\n") || packed.contains("quarkus"), packed);
        try (Scripts.Server server = Scripts.start(build, folder, Map.of())) {
            server.request().body("{\"payload\":\"hi\"}").contentType("application/json").post("/")
                    .then().statusCode(200).body("message", equalTo("Hello, world!"));
        }
    }

    /**
     * An archive of the earlier layout: a whole quarkus-app at its root, the function compiled into
     * its application jar (here: the home's runtime with hello's classes added, its entry class
     * given at start since a built-in configuration cannot be added after the build).
     */
    @Test
    void anArchiveOfTheEarlierLayoutIsStillServed() throws Exception {
        Path folder = scratch.resolve("earlier-layout");
        Path classes = folder.resolve("classes");
        Path packed = folder.resolve("packed");
        Scripts.copy(home.resolve("quarkus-app"), packed.resolve("quarkus-app"));
        try (Stream<Path> archives = Files.list(packed.resolve("quarkus-app"))) {
            for (Path archive : archives.filter(file -> file.getFileName().toString().startsWith("jdk-")).toList()) {
                Files.delete(archive); // made with the jar changed below: it would be ignored anyway
            }
        }
        String jdk = Path.of(System.getProperty("java.home"), "bin").toString();
        exec(folder, jdk + "/javac", "-d", classes.toString(), "-cp", home.resolve("api/function-api.jar").toString(),
                BuildAndStartTest.FUNCTIONS.resolve("hello/Index.java").toString());
        Path jar;
        try (Stream<Path> jars = Files.list(packed.resolve("quarkus-app/app"))) {
            jar = jars.findFirst().orElseThrow();
        }
        exec(folder, jdk + "/jar", "uf", jar.toString(), "-C", classes.toString(), ".");
        Path code = Files.createDirectories(folder.resolve("code"));
        exec(folder, "tar", "-C", packed.toString(), "-czf", code.resolve("code.tar.gz").toString(), "quarkus-app");

        try (Scripts.Server server = Scripts.start(new Scripts.Build(0, "", code), folder,
                Map.of("OPENRUNTIMES_FUNCTION_CLASS", "com.example.Index"))) {
            server.request().body("{\"payload\":\"text\"}").contentType("application/json").post("/")
                    .then().statusCode(200).body(equalTo("Hello, world!"));
        }
    }

    private static void exec(Path folder, String... command) throws Exception {
        Path log = folder.resolve("exec.log");
        Files.createDirectories(folder);
        Process process = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile()).start();
        assertEquals(0, process.waitFor(), String.join(" ", command) + ":\n" + Files.readString(log));
    }
}
