package io.openruntimes.quarkus.dev;

import static org.junit.jupiter.api.Assertions.assertEquals;
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
 * Dev mode on a v5 function (its class has {@code main(RuntimeContext)}), with no variable set:
 * {@code dev.sh} on a copy of src/test/functions/dev-v5, then edit, save, call again. The steps
 * build on each other, in order, against one dev mode; each call after a save is the first one.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class V5DevModeTest {

    private static final Path RUNTIME = Scripts.RUNTIME;
    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    static Path temp;
    private static Path function;
    private static DevModeProcess devMode;

    @BeforeAll
    static void startDevMode() throws Exception {
        devMode = DevModeProcess.serveCopy(RUNTIME, "dev-v5", temp);
        function = temp.resolve("dev-v5");
    }

    @AfterAll
    static void stopDevMode() {
        DevModeProcess.stop(devMode);
    }

    @Test
    @Order(1)
    void servesItAsV5OnAnyMethodAndPath() throws Exception {
        JsonNode get = answer(devMode.send("GET", "/first?name=Ada", Map.of()));
        JsonNode put = answer(devMode.send("PUT", "/any/other/path", Map.of()));

        assertEquals("Hello, Ada", get.get("greeting").asText());
        assertEquals("first note", get.get("note").asText());
        assertEquals("GET /first", get.get("method").asText() + " " + get.get("path").asText());
        assertEquals("PUT /any/other/path", put.get("method").asText() + " " + put.get("path").asText());
        assertTrue(devMode.log().contains("(v5 API)"), devMode.logTail());
    }

    @Test
    @Order(2)
    void contextLogLinesGoToTheConsoleWithTheExecutionsIdAndToTheLogFiles() throws Exception {
        HttpResponse<String> response = devMode.send("GET", "/logged", Map.of("x-open-runtimes-log-id", "mine"));

        assertEquals(200, response.statusCode(), response.body());
        assertEquals("mine", response.headers().firstValue("x-open-runtimes-log-id").orElse(""));
        assertTrue(devMode.log().contains("mine context.log: path /logged"), devMode.logTail());
        assertTrue(devMode.log().contains("mine context.error: method GET"), devMode.logTail());
        assertEquals("path /logged\n", devMode.logFile("mine_logs.log"));
        assertEquals("method GET\n", devMode.logFile("mine_errors.log"));
    }

    @Test
    @Order(3)
    void runsTheNewCodeAfterASave() throws Exception {
        edit("Index.java", "answer.put(\"version\", 1)", "answer.put(\"version\", 2)");
        edit("Greeting.java", "\"Hello, \"", "\"Howdy, \"");

        JsonNode answer = answer(devMode.send("POST", "/", Map.of()));

        assertEquals(2, answer.get("version").asInt());
        assertEquals("Howdy, dev", answer.get("greeting").asText());
    }

    @Test
    @Order(4)
    void servesASavedResource() throws Exception {
        Files.writeString(function.resolve("note.txt"), "second note\n");

        assertEquals("second note", answer(devMode.send("GET", "/", Map.of())).get("note").asText());
    }

    @Test
    @Order(5)
    void answersACompileErrorInTheV5FormWithFileAndLine() throws Exception {
        Path index = function.resolve("Index.java");
        List<String> lines = Files.readAllLines(index);
        int line = 1 + lines.indexOf(lines.stream().filter(l -> l.contains("\"version\", 2")).findFirst().orElseThrow());
        edit("Index.java", "answer.put(\"version\", 2)", "answer.put(\"version\", two)");

        HttpResponse<String> response = devMode.send("GET", "/broken", Map.of("x-open-runtimes-log-id", "broken"));

        // v5's error form: a 500 with no body, the reason in the execution's errors file.
        assertEquals(500, response.statusCode(), response.body());
        assertEquals("", response.body());
        String expected = index + ":" + line + ": error: cannot find symbol";
        assertTrue(devMode.logFile("broken_errors.log").contains(expected), devMode.logFile("broken_errors.log"));
        assertTrue(devMode.log().contains(expected), "on the console too:\n" + devMode.logTail());
    }

    @Test
    @Order(6)
    void recoversOnceTheErrorIsFixed() throws Exception {
        edit("Index.java", "answer.put(\"version\", two)", "answer.put(\"version\", 3)");

        assertEquals(3, answer(devMode.send("DELETE", "/fixed", Map.of())).get("version").asInt());
    }

    @Test
    @Order(7)
    void honoursTheTimeoutHeader() throws Exception {
        HttpResponse<String> response = devMode.send("GET", "/sleep",
                Map.of("x-open-runtimes-timeout", "1", "x-open-runtimes-log-id", "slow"));

        assertEquals(500, response.statusCode(), response.body());
        assertTrue(devMode.logFile("slow_errors.log").contains("Execution timed out."), devMode.logFile("slow_errors.log"));
    }

    private static JsonNode answer(HttpResponse<String> response) throws IOException {
        assertEquals(200, response.statusCode(), response.body() + "\n" + devMode.logTail());
        assertTrue(response.headers().firstValue("content-type").orElse("").startsWith("application/json"), response.headers().toString());
        return JSON.readTree(response.body());
    }

    private static void edit(String file, String from, String to) throws IOException {
        DevModeProcess.edit(function, file, from, to);
    }
}
