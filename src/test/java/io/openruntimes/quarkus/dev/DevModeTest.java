package io.openruntimes.quarkus.dev;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.openruntimes.quarkus.scripts.Scripts;
import java.io.IOException;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.io.TempDir;

/**
 * Dev mode on a classic function (its class has {@code main(Request, Response)}) as a function's
 * author uses it: {@code dev.sh} on a copy of a function folder, then edit, save, call again. The
 * steps build on each other, in order, against one dev mode.
 *
 * <p>Each call after a save is the first one: the new code must answer it, no retries. The time
 * from the save to that answer is printed as the observed reload time.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class DevModeTest {

    private static final Path RUNTIME = Scripts.RUNTIME;
    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    static Path temp;
    private static Path function;
    private static DevModeProcess devMode;

    @BeforeAll
    static void startDevMode() throws Exception {
        long started = System.nanoTime();
        devMode = DevModeProcess.serveCopy(RUNTIME, "reload", temp);
        function = temp.resolve("reload");
        System.out.printf("[dev mode] listening after %d ms%n", (System.nanoTime() - started) / 1_000_000);
    }

    @AfterAll
    static void stopDevMode() {
        DevModeProcess.stop(devMode);
    }

    @Test
    @Order(1)
    void servesTheFunctionWithoutAKey() throws Exception {
        HttpResponse<String> response = execute("dev");

        assertEquals(200, response.statusCode(), response.body());
        assertEquals("application/json", contentType(response));
        assertEquals(JSON.readTree("{\"greeting\":\"Hello, dev\",\"version\":1}"), JSON.readTree(response.body()));
        assertTrue(devMode.log().contains("INTERNAL_RUNTIME_KEY is not set"), "the no-key banner is logged:\n" + devMode.logTail());
        assertTrue(devMode.log().contains("(classic API)"), devMode.logTail());
    }

    @Test
    @Order(1)
    void theFunctionsPrintsGoToTheConsole() throws Exception {
        execute("printed");

        assertTrue(devMode.log().lines().anyMatch(line -> line.endsWith(" payload printed")), devMode.logTail());
    }

    @Test
    @Order(1)
    void refusesAClassWithNeitherMainNamingBoth() throws Exception {
        Path neither = temp.resolve("neither");
        Files.createDirectories(neither);
        Files.writeString(neither.resolve("Index.java"), "public class Index {\n    public String main(String input) {\n        return input;\n    }\n}\n");

        String refused = DevModeProcess.refused(RUNTIME, neither, temp.resolve("neither-workspace"));

        assertTrue(refused.startsWith("exit 1\n"), refused);
        assertTrue(refused.contains("main(RuntimeContext context)") && refused.contains("main(Request req, Response res)"), refused);
    }

    @Test
    @Order(1)
    void startsCleanlyOnLoopbackOnly() {
        String start = devMode.startLog();

        assertFalse(start.contains(" ERROR "), "no ERROR lines before it listens:\n" + start);
        assertFalse(start.contains("Exception"), "no stack traces before it listens:\n" + start);
        // Without a key anyone who reaches the port runs the function: this machine only.
        assertTrue(start.contains("Listening on: http://127.0.0.1:" + devMode.port()), start);
    }

    @Test
    @Order(2)
    void runsTheEntrypointsNewCodeAfterASave() throws Exception {
        long saved = edit("Index.java", "\"version\", 1", "\"version\", 2");
        HttpResponse<String> response = execute("dev");
        printReload("entrypoint edited", saved);

        assertEquals(200, response.statusCode(), response.body());
        assertEquals(2, JSON.readTree(response.body()).get("version").asInt(), response.body());
    }

    @Test
    @Order(3)
    void runsAnotherSourceFilesNewCodeAfterASave() throws Exception {
        long saved = edit("Greeting.java", "\"Hello, \"", "\"Howdy, \"");
        HttpResponse<String> response = execute("dev");
        printReload("other source edited", saved);

        assertEquals(200, response.statusCode(), response.body());
        assertEquals("Howdy, dev", JSON.readTree(response.body()).get("greeting").asText(), response.body());
    }

    @Test
    @Order(4)
    void answersACompileErrorInTheErrorSchema() throws Exception {
        Path index = function.resolve("Index.java");
        List<String> lines = Files.readAllLines(index);
        int line = 1 + lines.indexOf(lines.stream().filter(l -> l.contains("\"version\", 2")).findFirst().orElseThrow());
        edit("Index.java", "\"version\", 2", "\"version\", two");

        HttpResponse<String> response = execute("dev");

        assertEquals(500, response.statusCode(), response.body());
        assertEquals("application/json", contentType(response));
        JsonNode error = JSON.readTree(response.body());
        assertEquals(500, error.get("code").asInt(), response.body());
        // javac's own form, file:line: error: ..., with the path the author edits.
        String expected = index + ":" + line + ": error: cannot find symbol";
        assertTrue(error.get("message").asText().contains(expected), "the message has " + expected + ": " + response.body());
        System.out.printf("[dev mode] compile error answer: %s%n", response.body());
    }

    @Test
    @Order(5)
    void recoversOnceTheErrorIsFixed() throws Exception {
        long saved = edit("Index.java", "\"version\", two", "\"version\", 3");
        HttpResponse<String> response = execute("dev");
        printReload("compile error fixed", saved);

        assertEquals(200, response.statusCode(), response.body());
        assertEquals(JSON.readTree("{\"greeting\":\"Howdy, dev\",\"version\":3}"), JSON.readTree(response.body()));
    }

    @Test
    @Order(6)
    void compilesForThePomsReleaseAndSaysWhenThisJdkCannot() throws Exception {
        Files.writeString(function.resolve("pom.xml"),
                "<project><properties><maven.compiler.release>99</maven.compiler.release></properties></project>\n");
        HttpResponse<String> refused = execute("dev");
        assertEquals(500, refused.statusCode(), refused.body());
        String expected = "maven.compiler.release 99, which this JDK (" + Runtime.version().feature() + ") cannot compile for";
        assertTrue(JSON.readTree(refused.body()).get("message").asText().contains(expected), refused.body());

        long saved = edit("pom.xml", ">99<", ">17<");
        HttpResponse<String> response = execute("dev");
        printReload("release changed", saved);
        assertEquals(200, response.statusCode(), response.body());
    }

    private static HttpResponse<String> execute(String payload) throws IOException, InterruptedException {
        return devMode.execute(JSON.writeValueAsString(Map.of("payload", payload)));
    }

    private static long edit(String file, String from, String to) throws IOException {
        return DevModeProcess.edit(function, file, from, to);
    }

    private static void printReload(String what, long savedAt) {
        System.out.printf("[dev mode] reload (%s): %d ms from save to answer%n", what, (System.nanoTime() - savedAt) / 1_000_000);
    }

    private static String contentType(HttpResponse<?> response) {
        return response.headers().firstValue("Content-Type").orElse("");
    }
}
