package io.openruntimes.quarkus.scripts;

import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A deployment is the function alone, served in a class loader of its own (issue 15), through the
 * real scripts: the libraries it declares reach it in its versions, the runtime's stay invisible,
 * and a build the runtime cannot serve is refused with a message every execution answers with.
 * FunctionClassLoaderTest and BuiltFunctionTest hold the row-by-row cases in-process.
 */
class FunctionLibrariesTest {

    static final Path FUNCTIONS = Scripts.FUNCTIONS;

    @TempDir
    static Path scratch;

    @Test
    void aClassicFunctionGetsTheLibrariesItDeclaresAndNoneOfTheRuntimes() {
        Path folder = scratch.resolve("libraries");
        Scripts.Build build = Scripts.build(FUNCTIONS.resolve("libraries"), "Index.java", folder);
        assertEquals(0, build.exitCode(), build.output());
        try (Scripts.Server server = Scripts.start(build, folder, Map.of())) {
            server.request().body("{}").post("/").then().statusCode(200).body(equalTo("{\"gson\":\"gson-2.11.0.jar\","
                    + "\"jackson\":\"2.15.4 {\\\"a\\\":1}\",\"kotlin\":\"1.9.10\",\"jdbc\":42,"
                    + "\"slf4j\":\"org.slf4j.simple.SimpleLoggerFactory\",\"io.vertx.core.Vertx\":\"hidden\","
                    + "\"io.netty.channel.Channel\":\"hidden\",\"io.quarkus.runtime.Quarkus\":\"hidden\","
                    + "\"io.openruntimes.quarkus.engine.Invoker\":\"hidden\"}"));
            assertTrue(Scripts.read(folder.resolve("start.log")).contains("a line from the function's SLF4J"),
                    Scripts.read(folder.resolve("start.log")));
        }
    }

    @Test
    void aV5FunctionDeclaringGson2110GetsIt() throws Exception {
        // The sandbox's network is private: the dependency is in the local repository first, as after any earlier build.
        maven("dependency:get", "-Dartifact=com.google.code.gson:gson:2.11.0");
        Scripts.runtimeHome(); // made outside: the sandbox's network is private
        Sandbox sandbox = new Sandbox(scratch.resolve("libraries-v5"), Scripts.RUNTIME);
        Scripts.copy(FUNCTIONS.resolve("libraries-v5"), sandbox.code());
        V5LifecycleTest.build(sandbox);
        try (Sandbox.Running server = sandbox.launch("helpers/start.sh 'bash helpers/server.sh'",
                V5LifecycleTest.env("OPEN_RUNTIMES_SECRET", "libraries-secret"))) {
            server.awaitOutput("HTTP server successfully started!", Duration.ofSeconds(60));
            Sandbox.Running.Answer answer = server.get("/", "x-open-runtimes-secret: libraries-secret");
            assertEquals(200, answer.status(), answer.body());
            assertTrue(answer.body().contains("\"gson\":\"gson-2.11.0.jar\""), answer.body());
            assertTrue(answer.body().contains("\"vertx\":\"hidden\"") && answer.body().contains("\"quarkus\":\"hidden\""), answer.body());
        }
    }

    @Test
    void anArchiveOfAnotherFunctionApiVersionIsRefusedWithItsMessage() throws IOException {
        Path folder = scratch.resolve("api-version");
        Scripts.Build build = Scripts.buildTestFunction("hello", folder);
        repack(build.archive(), "function/function.properties", text -> text.replaceAll("api-version=.*", "api-version=2.0"));
        try (Scripts.Server server = Scripts.start(build, folder, Map.of())) {
            server.request().body("{}").post("/").then().statusCode(404)
                    .body(containsString("This function was compiled against function API 2.0, and this runtime serves API 1.0"));
        }
    }

    @Test
    void anArchiveBuiltForV5IsRefusedByTheClassicStart() {
        Path folder = scratch.resolve("other-protocol");
        Scripts.Build build = Scripts.build(FUNCTIONS.resolve("libraries-v5"), "Index.java", folder, Map.of("OPENRUNTIMES_PROTOCOL", "v5"));
        assertEquals(0, build.exitCode(), build.output());
        try (Scripts.Server server = Scripts.start(build, folder, Map.of())) {
            server.request().body("{}").post("/").then().statusCode(404)
                    .body(containsString("This function was built for the v5 protocol (helpers/build.sh), and this runtime was started"
                            + " for the classic protocol (start.sh)"));
        }
    }

    /** Rewrites one file of a gzip or zstd tar archive in place (as gzip). */
    private static void repack(Path archive, String file, java.util.function.UnaryOperator<String> edit) throws IOException {
        Path unpacked = Files.createTempDirectory(scratch, "repack");
        shell("(zstd -dcq < '" + archive + "' 2>/dev/null || gzip -dc < '" + archive + "') | tar -C '" + unpacked + "' -xf -");
        Files.writeString(unpacked.resolve(file), edit.apply(Files.readString(unpacked.resolve(file))));
        shell("tar -C '" + unpacked + "' -czf '" + archive + "' .");
    }

    private static void shell(String command) {
        Path log = scratch.resolve("shell.log");
        int exit = Scripts.waitFor(Scripts.launch(List.of("bash", "-c", command), Map.of(), log), Duration.ofMinutes(1));
        assertEquals(0, exit, Scripts.read(log));
    }

    private static void maven(String... arguments) {
        List<String> command = new java.util.ArrayList<>(List.of(Scripts.RUNTIME.resolve("mvnw").toString(), "-B", "-q"));
        command.addAll(List.of(arguments));
        Path log = scratch.resolve("maven.log");
        assertEquals(0, Scripts.waitFor(Scripts.launch(command, Map.of(), log), Duration.ofMinutes(3)), Scripts.read(log));
    }
}
