package io.openruntimes.quarkus.scripts;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.lessThan;
import static org.hamcrest.Matchers.startsWith;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.openruntimes.quarkus.SeedCases;
import io.openruntimes.quarkus.TodoStandIn;
import io.restassured.specification.RequestSpecification;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The executor's own flow (the seed's tests.sh), without Docker: the real build.sh on a function
 * folder, the real start.sh on its code.tar.gz, then the executor's cases over HTTP.
 */
class BuildAndStartTest {

    static final Path FUNCTIONS = Scripts.FUNCTIONS;

    @TempDir
    static Path scratch;
    static TodoStandIn todos;
    static Scripts.Build seedBuild;
    static Scripts.Server seed;

    @BeforeAll
    static void buildAndStartTheSeedFunction() {
        todos = new TodoStandIn();
        seedBuild = Scripts.build(FUNCTIONS.resolve("seed"), "Index.java", scratch.resolve("seed"));
        assertEquals(0, seedBuild.exitCode(), seedBuild.output());
        seed = Scripts.start(seedBuild, scratch.resolve("seed"), Map.of("JSONPLACEHOLDER_URL", todos.baseUrl()));
    }

    @AfterAll
    static void stop() {
        if (seed != null) {
            seed.close();
        }
        todos.close();
    }

    @Nested
    class SeedFunction extends SeedCases {
        @Override
        protected RequestSpecification executor() {
            return seed.request();
        }
    }

    @Test
    void buildLeavesTheUsersFilesAsTheyWere() throws IOException {
        assertEquals(Scripts.listing(FUNCTIONS.resolve("seed")), Scripts.listing(seedBuild.code()).replace("code.tar.gz\n", ""));
        assertEquals(Files.readString(FUNCTIONS.resolve("seed/Index.java")), Files.readString(seedBuild.code().resolve("Index.java")));
    }

    @Test
    void startLogsOneReadyLineWithTheStartupTime() {
        assertTrue(Pattern.compile("started in \\d+\\.\\d+s\\. Listening on: http://0\\.0\\.0\\.0:\\d+").matcher(seed.log()).find(),
                seed.log());
    }

    @Test
    void theContractsErrorRowsHoldOnTheStartedProcess() {
        seed.request().header("x-internal-challenge", "wrong").body("{}").post("/")
                .then().statusCode(401).body("message", equalTo("Unauthorized"));
        seed.request().body("[]").post("/").then().statusCode(400).body("code", equalTo(400));
        seed.request().body("{\"timeout\":\"soon\"}").post("/").then().statusCode(400).body("message", containsString("timeout"));
        seed.request().post("/elsewhere").then().statusCode(404).body("message", equalTo("Not found"));
        seed.request().get("/").then().statusCode(405).header("Allow", "POST");
    }

    /**
     * With metrics off (the default), the started server has no Prometheus endpoint: /q/metrics is
     * challenged like any other path, and answered 404 to the key. Quarkus registers its routes in
     * every build (in the built runtime two for each path, one per content type); the runtime turns
     * them all off at start.
     */
    @Test
    void metricsOffLeaveNoEndpointBehindTheChallenge() {
        given().baseUri("http://127.0.0.1").port(seed.port()).get("/q/metrics").then().statusCode(401)
                .body("message", equalTo("Unauthorized"));
        for (String path : List.of("/q/metrics", "/q/metrics/")) {
            seed.request().get(path).then().statusCode(404);
        }
        seed.request().get("/q/metrics").then().body("message", containsString("OPENRUNTIMES_METRICS=true"));
    }

    /** The operator's switches are read at start, from the environment: the same build, JSON logs and metrics. */
    @Test
    void jsonLogsAndMetricsAreSwitchedOnAtStart() throws IOException {
        Map<String, String> env = Map.of("JSONPLACEHOLDER_URL", todos.baseUrl(), "OPENRUNTIMES_LOG_JSON", "true",
                "OPENRUNTIMES_METRICS", "true");
        try (Scripts.Server server = Scripts.start(seedBuild, scratch.resolve("operator"), env)) {
            server.request().body(Map.of("payload", "{\"id\":\"2\"}")).contentType("application/json").post("/")
                    .then().statusCode(200);
            server.awaitLog("\"loggerName\":\"access\"", Duration.ofSeconds(10));

            List<JsonNode> records = jsonLines(server.log());
            JsonNode access = records.stream().filter(record -> record.path("loggerName").asText().equals("access"))
                    .findFirst().orElseThrow();
            assertTrue(access.path("message").asText().startsWith("POST / 200 answered"), access.toString());
            assertTrue(access.path("mdc").path("execution").asText().matches("[0-9a-f]{20}"), access.toString());
            assertTrue(records.stream().anyMatch(record -> record.path("message").asText().contains("started in")),
                    "Quarkus's own lines are JSON too:\n" + server.log());

            given().baseUri("http://127.0.0.1").port(server.port()).get("/q/metrics").then().statusCode(200)
                    .body(containsString("openruntimes_executions_total{outcome=\"answered\"} 1.0"));
        }
    }

    private static List<JsonNode> jsonLines(String log) throws IOException {
        ObjectMapper json = new ObjectMapper();
        List<JsonNode> records = new ArrayList<>();
        for (String line : log.lines().filter(line -> line.startsWith("{")).toList()) {
            records.add(json.readTree(line)); // every record one JSON object a line
        }
        return records;
    }

    @Test
    void startRefusesToServeWithoutAKeyNamingTheVariable() throws InterruptedException {
        for (String key : new String[] {null, ""}) {
            Path folder = scratch.resolve("no-key" + (key == null ? "-unset" : "-empty"));
            Map<String, String> env = new java.util.HashMap<>();
            env.put("INTERNAL_RUNTIME_KEY", key);
            try (Scripts.Server server = Scripts.launchStart(seedBuild, folder, env)) {
                assertTrue(server.process().waitFor(60, java.util.concurrent.TimeUnit.SECONDS), "still running:\n" + server.log());
                assertNotEquals(0, server.process().exitValue());
                assertTrue(server.log().contains("INTERNAL_RUNTIME_KEY is not set"), server.log());
            }
        }
    }

    /**
     * build.sh packs zstd; start.sh reads the format from the archive's first bytes, so gzip
     * archives of earlier builds and plain tar still start, and anything else fails naming it.
     */
    @Test
    void startReadsTheArchiveFormatFromItsFirstBytes() throws Exception {
        assertTrue(seed.log().contains("start.sh: unpacked code.tar.gz (zstd) in "), seed.log());
        Path unpacked = scratch.resolve("seed/server");
        for (String format : new String[] {"gzip", "tar"}) {
            Path code = Files.createDirectories(scratch.resolve("format-" + format + "/code"));
            String[] pack = format.equals("gzip") ? new String[] {"tar", "-C", unpacked.toString(), "-czf", "code.tar.gz", "function"}
                    : new String[] {"tar", "-C", unpacked.toString(), "-cf", "code.tar.gz", "function"};
            assertEquals(0, new ProcessBuilder(pack).directory(code.toFile()).inheritIO().start().waitFor());
            Scripts.Build build = new Scripts.Build(0, "", code);
            try (Scripts.Server server = Scripts.start(build, code.getParent(), Map.of("JSONPLACEHOLDER_URL", todos.baseUrl()))) {
                server.request().contentType("application/json").post("/").then().statusCode(200)
                        .body("message", equalTo("Hello Open Runtimes 👋"));
                assertTrue(server.log().contains("start.sh: unpacked code.tar.gz (" + format + ") in "), server.log());
            }
        }
        Path code = Files.createDirectories(scratch.resolve("format-garbage/code"));
        Files.writeString(code.resolve("code.tar.gz"), "not an archive");
        try (Scripts.Server server = Scripts.launchStart(new Scripts.Build(0, "", code), code.getParent(), Map.of())) {
            assertTrue(server.process().waitFor(60, java.util.concurrent.TimeUnit.SECONDS), "still running:\n" + server.log());
            assertNotEquals(0, server.process().exitValue());
            assertTrue(server.log().contains("could not be unpacked"), server.log());
        }
    }

    @Test
    void aMissingEntrypointFileFailsTheBuildNamingIt() {
        Scripts.Build build = Scripts.build(FUNCTIONS.resolve("hello"), "Main.java", scratch.resolve("missing-entrypoint"));
        assertNotEquals(0, build.exitCode());
        assertTrue(build.output().contains("entrypoint file not found: " + build.code().resolve("Main.java")), build.output());
    }

    @Test
    void aCompileErrorFailsTheBuildWithFileAndLine() {
        Scripts.Build build = Scripts.build(FUNCTIONS.resolve("broken"), "Index.java", scratch.resolve("broken"));
        assertNotEquals(0, build.exitCode());
        assertTrue(build.output().contains(build.code().resolve("Index.java") + ":7: error: cannot find symbol"), build.output());
        assertTrue(build.output().contains("the function does not compile"), build.output());
    }

    @Test
    void anUnresolvableDependencyFailsTheBuildNamingIt() {
        Scripts.Build build = Scripts.build(FUNCTIONS.resolve("missing-dependency"), "Index.java", scratch.resolve("missing-dependency"));
        assertNotEquals(0, build.exitCode());
        assertTrue(build.output().contains("io.openruntimes.tests:does-not-exist:jar:0.0.1"), build.output());
        assertTrue(build.output().contains("could not be resolved"), build.output());
    }

    @Test
    void aFunctionGetsTheVersionItDeclaresOfALibraryTheRuntimeAlsoUses() {
        Path folder = scratch.resolve("pinned");
        Scripts.Build build = Scripts.build(FUNCTIONS.resolve("pinned"), "Handler.java", folder);
        assertEquals(0, build.exitCode(), build.output());
        assertFalse(build.output().contains("WARNING"), build.output());
        try (Scripts.Server server = Scripts.start(build, folder, Map.of())) {
            // The runtime's Jackson is 2.x of today; the function's own 2.10.0, in its own class loader.
            server.request().post("/").then().statusCode(200)
                    .body("greeting", equalTo("Hello, pinned"))
                    .body("jackson", equalTo("2.10.0"));
        }
    }

    @Test
    void aRunawayFunctionTimesOutAndSigtermStillStopsTheServer() {
        Path folder = scratch.resolve("runaway");
        Scripts.Build build = Scripts.build(FUNCTIONS.resolve("runaway"), "Index.java", folder);
        assertEquals(0, build.exitCode(), build.output());
        Scripts.Server server = Scripts.start(build, folder, Map.of());
        try {
            server.request().body(Map.of("payload", "spin", "timeout", 1)).contentType("application/json").post("/")
                    .then().statusCode(500).time(lessThan(10_000L))
                    .body("message", startsWith("Execution timed out after 1 second"))
                    .body("message", containsString("at Index.main(Index.java:"));
            server.request().post("/").then().statusCode(200).time(lessThan(10_000L)).body(equalTo("ok"));

            Duration exit = server.terminate(Duration.ofSeconds(20));
            assertNotNull(exit, "the server ignored SIGTERM with a runaway function thread:\n" + server.log());
            assertTrue(exit.toMillis() < 15_000, "took " + exit);
        } finally {
            server.close();
        }
    }
}
