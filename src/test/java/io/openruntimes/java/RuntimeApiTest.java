package io.openruntimes.java;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.JsonSyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** contract-v5 section 5, the API classes on their own. */
class RuntimeApiTest {

    private final RuntimeResponse res = new RuntimeResponse();

    private static RuntimeRequest request(String contentType, String body) {
        Map<String, String> headers = contentType == null ? Map.of() : Map.of("content-type", contentType);
        return new RuntimeRequest("POST", "http", "h", 80, "/", Map.of(), "", headers, "http://h/",
                body.getBytes(StandardCharsets.UTF_8));
    }

    // 5.3 RuntimeRequest

    @Test
    void bodyJsonNumbersAreDoubles() {
        assertEquals(Map.of("n", 3.0, "l", List.of(1.0)), request(null, "{\"n\":3,\"l\":[1]}").getBodyJson());
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "  ", "{", "[1]", "null"})
    void bodyJsonOfEmptyOrInvalidThrowsJsonSyntaxException(String body) {
        assertThrows(JsonSyntaxException.class, () -> request(null, body).getBodyJson());
    }

    @Test
    void bodyAutoIsJsonForJsonContentTypes() {
        assertEquals(Map.of("a", 1.0), request("application/json; charset=utf-8", "{\"a\":1}").getBody());
        assertEquals(Map.of(), request("application/json", "").getBody());
        assertEquals("{\"a\":1}", request("text/plain", "{\"a\":1}").getBody());
        assertEquals("x", request(null, "x").getBody());
    }

    @Test
    void textAndRawAreUtf8() {
        assertEquals("é ✓", request(null, "é ✓").getBodyText());
        assertEquals("é ✓", request(null, "é ✓").getBodyRaw());
    }

    // 5.4 RuntimeResponse (with 8 #8, #10)

    @Test
    void defaults() {
        assertEquals(200, res.text("x").getStatusCode());
        assertEquals(200, res.binary(new byte[] {1}).getStatusCode());
        assertEquals(200, res.json(Map.of()).getStatusCode());
        assertEquals(204, res.empty().getStatusCode());
        assertEquals(0, res.empty().getBody().length);
        assertEquals(301, res.redirect("/x").getStatusCode());
        assertEquals("/x", res.redirect("/x").getHeaders().get("location"));
        assertEquals(0, res.redirect("/x").getBody().length);
    }

    @Test
    void textIsUtf8AndSendIsText() {
        assertArrayEquals("✓".getBytes(StandardCharsets.UTF_8), res.text("✓", 201, Map.of()).getBody());
        RuntimeOutput sent = res.send("s", 202, Map.of("a", "b"));
        assertEquals(202, sent.getStatusCode());
        assertEquals("b", sent.getHeaders().get("a"));
    }

    @Test
    void jsonIsCompactWithNullsAndTyped() {
        Map<String, Object> body = new HashMap<>();
        body.put("k", null);
        RuntimeOutput json = res.json(body, 201, Map.of("x", "1"));
        assertEquals("{\"k\":null}", new String(json.getBody(), StandardCharsets.UTF_8));
        assertEquals("application/json", json.getHeaders().get("content-type"));
        assertEquals("1", json.getHeaders().get("x"));
    }

    @Test
    void theCallersMapIsNeverWritten() {
        Map<String, String> mine = new HashMap<>(Map.of("a", "b"));
        res.json(Map.of(), 200, mine);
        res.redirect("/r", 302, mine);
        RuntimeOutput output = new RuntimeOutput(new byte[0], 200, mine);
        output.getHeaders().put("later", "x");
        assertEquals(Map.of("a", "b"), mine);
        res.json(Map.of(), 200, Map.of("immutable", "ok")); // does not throw
    }

    // 5.5 RuntimeOutput (with 8 #9)

    @Test
    void addedHeaderValuesKeepTheirOrder() {
        RuntimeOutput output = res.text("x").addHeader("Set-Cookie", "a=1").addHeader("Set-Cookie", "b=2");
        assertEquals(List.of(Map.entry("Set-Cookie", "a=1"), Map.entry("Set-Cookie", "b=2")), output.getAddedHeaders());
        assertTrue(output.getHeaders().isEmpty());
        assertThrows(UnsupportedOperationException.class, () -> output.getAddedHeaders().clear());
    }

    // 4.7 RuntimeLogger

    @Test
    void loggerRendersJoinsCutsAndDropsAfterClose(@TempDir Path dir) throws Exception {
        RuntimeLogger logger = RuntimeLogger.open(dir, "id1");
        RuntimeContext context = new RuntimeContext(request(null, ""), res, logger);
        context.log("a", 1, 2.5, false, null, Map.of("k", List.of(1)), List.of("x"));
        context.error("z".repeat(8001));
        logger.nativeLogs("printed");
        logger.close();
        context.log("after close");
        assertEquals("a 1 2.5 false null {\"k\":[1]} [\"x\"]\n" + RuntimeLogger.NATIVE_LOGS + "\nprinted\n",
                Files.readString(dir.resolve("id1_logs.log")));
        assertEquals("z".repeat(8000) + RuntimeLogger.TRUNCATED + "\n", Files.readString(dir.resolve("id1_errors.log")));
    }

    @Test
    void aDisabledLoggerWritesNothing(@TempDir Path dir) throws Exception {
        RuntimeLogger logger = RuntimeLogger.disabled();
        logger.log("x");
        logger.error("y");
        logger.nativeLogs("z");
        assertEquals("", logger.getId());
        try (var files = Files.list(dir)) {
            assertEquals(0, files.count());
        }
    }
}
