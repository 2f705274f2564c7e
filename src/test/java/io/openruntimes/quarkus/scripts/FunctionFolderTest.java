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
import java.util.regex.Pattern;
import java.util.stream.Stream;
import java.util.zip.ZipFile;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A function folder as a Java developer keeps it: the scaffold's Maven project (its own unit
 * test, its resources, the API artifact), and a flat folder with resources and a src/test/java
 * beside its code. build.sh builds both; what is served is the function and its resources only.
 */
class FunctionFolderTest {

    @TempDir
    Path scratch;

    @Test
    void theScaffoldPassesItsOwnTestsBuildsAndServes() throws IOException {
        long started = System.nanoTime();
        Path folder = Scripts.scaffold(scratch.resolve("new/my-function"));
        assertTheApiArtifactIsInstalled(folder);
        // As its author would, offline: the API artifact is installed by the scaffold.
        Scripts.mavenInFunction(folder, "-o", "-q", "test");
        assertTrue(Files.readString(folder.resolve("target/surefire-reports/IndexTest.txt")).contains("Tests run: 1, Failures: 0, Errors: 0"));

        Path archive = scratch.resolve("elsewhere/function.tar.gz");
        Scripts.Build build = Scripts.build(folder, "Index.java", scratch.resolve("scaffold"), Map.of("OPENRUNTIMES_ARCHIVE", archive.toString()));
        assertEquals(0, build.exitCode(), build.output());
        assertTrue(Files.isRegularFile(archive), build.output());
        assertFalse(Files.exists(build.archive()), "OPENRUNTIMES_ARCHIVE names the only output");
        assertServedOnly(scratch.resolve("scaffold"), List.of("Index.class", "greeting.txt"), List.of("IndexTest.class", "pom.xml"));

        Files.copy(archive, build.archive());
        try (Scripts.Server server = Scripts.start(build, scratch.resolve("scaffold"), Map.of())) {
            server.request().body("{\"payload\":\"hi\",\"env\":{\"NAME\":\"Ada\"}}").contentType("application/json").post("/")
                    .then().statusCode(200).body("message", equalTo("Hello, Ada!")).body("payload", equalTo("hi"));
            System.out.printf("[scaffold] scaffold to served: %d ms%n", (System.nanoTime() - started) / 1_000_000);
        }
    }

    @Test
    void aFlatFolderWithResourcesAndTestsBuildsAndServesItsResources() throws IOException {
        Scripts.Build build = Scripts.build(BuildAndStartTest.FUNCTIONS.resolve("resources-and-tests"), "Index.java", scratch);
        assertEquals(0, build.exitCode(), build.output());
        assertServedOnly(scratch, List.of("Index.class", "template.txt", "data/config.json"),
                List.of("IndexTest.class", "src/test/java/IndexTest.java", "pom.xml", "Index.java"));

        try (Scripts.Server server = Scripts.start(build, scratch, Map.of())) {
            server.request().body("{\"payload\":\"Ada\"}").contentType("application/json").post("/")
                    .then().statusCode(200).body(equalTo("Hello, Ada! {\"source\":\"data/config.json\"}"));
        }
    }

    @Test
    void buildShowsEachStepWithItsDurationAndNotMavensFlood() {
        Scripts.Build build = Scripts.build(BuildAndStartTest.FUNCTIONS.resolve("hello"), "Index.java", scratch);
        assertEquals(0, build.exitCode(), build.output());

        for (String step : List.of("Copying the function from ", "Checking the runtime home", "Compiling Index.java (classic)",
                "Packing " + build.archive())) {
            assertTrue(Pattern.compile(Pattern.quote(step) + ".*\\n  \\.\\.\\. \\d+\\.\\d s\\n").matcher(build.output()).find(),
                    step + " with its duration in:\n" + build.output());
        }
        assertTrue(Pattern.compile("Built com.example.Index in \\d+\\.\\d s: ").matcher(build.output()).find(), build.output());
        assertFalse(build.output().contains("[INFO]"), build.output());
    }

    @Test
    void mavensDownloadsShowOneShortLineAJar() throws IOException {
        Path log = scratch.resolve("maven.log");
        String maven = String.join("\n",
                "[INFO] Scanning for projects...",
                "[INFO] Downloading from central: https://repo.maven.apache.org/maven2/org/x/lib/1.0/lib-1.0.pom",
                "[INFO] Downloaded from central: https://repo.maven.apache.org/maven2/org/x/lib/1.0/lib-1.0.pom (2.1 kB at 40 kB/s)",
                "[INFO] Downloading from central: https://repo.maven.apache.org/maven2/org/x/lib/1.0/lib-1.0.jar",
                "[INFO] Downloaded from central: https://repo.maven.apache.org/maven2/org/x/lib/1.0/lib-1.0.jar (1.2 MB at 3.0 MB/s)",
                "[INFO] BUILD SUCCESS", "");
        Process filter = new ProcessBuilder("bash", "-c", "source src/build/progress.sh && maven_progress \"$0\"", log.toString())
                .directory(Scripts.RUNTIME.toFile()).redirectErrorStream(true).start();
        filter.getOutputStream().write(maven.getBytes());
        filter.getOutputStream().close();

        assertEquals("  downloaded lib-1.0.jar (1.2 MB)\n  Maven downloaded 2 files (jars shown; all in the log)\n",
                new String(filter.getInputStream().readAllBytes()));
        assertEquals(maven, Files.readString(log));
    }

    /** The function API artifact: the API's classes, nothing of the runtime, the runtime's version. */
    private static void assertTheApiArtifactIsInstalled(Path scaffolded) throws IOException {
        String version = Pattern.compile("<version>([^<]+)</version>").matcher(Files.readString(Scripts.RUNTIME.resolve("pom.xml")))
                .results().findFirst().orElseThrow().group(1);
        assertTrue(Files.readString(scaffolded.resolve("pom.xml")).contains("<version>" + version + "</version>"));
        Path jar = Path.of(System.getProperty("user.home"), ".m2/repository/io/openruntimes/function-api", version,
                "function-api-" + version + ".jar");
        Pattern api = Pattern.compile("io/openruntimes/(quarkus/(Request|Response|Json)|java/.*)\\.class");
        try (ZipFile zip = new ZipFile(jar.toFile())) {
            List<String> classes = zip.stream().map(e -> e.getName()).filter(n -> n.endsWith(".class")).toList();
            assertTrue(classes.contains("io/openruntimes/quarkus/Response.class"), classes.toString());
            classes.forEach(name -> assertTrue(api.matcher(name).matches(), name + " is not API"));
        }
    }

    /** The packed function folder's classes hold {@code present} and none of {@code absent}, and no JUnit is in its libraries. */
    private static void assertServedOnly(Path scratch, List<String> present, List<String> absent) throws IOException {
        Path function = scratch.resolve("workspace/function");
        present.forEach(entry -> assertTrue(Files.isRegularFile(function.resolve("classes").resolve(entry)), entry + " is served"));
        absent.forEach(entry -> assertFalse(Files.exists(function.resolve("classes").resolve(entry)), entry + " is not served"));
        if (Files.isDirectory(function.resolve("lib"))) {
            try (Stream<Path> libraries = Files.walk(function.resolve("lib"))) {
                assertEquals(List.of(), libraries.map(p -> p.getFileName().toString()).filter(n -> n.contains("junit")).toList());
            }
        }
    }
}
