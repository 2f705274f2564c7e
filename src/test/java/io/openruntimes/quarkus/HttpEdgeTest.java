package io.openruntimes.quarkus;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import io.vertx.core.json.JsonObject;
import java.io.ByteArrayInputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Duration;
import java.util.HexFormat;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The HTTP edge as a hostile or careless caller meets it, over raw sockets: the challenge from the
 * headers alone (issue 9, point 1), chunked bodies (point 2), and the error schema for everything
 * the edge answers itself, before or instead of Quarkus (point 6).
 */
@QuarkusTest
class HttpEdgeTest {

    static final Duration QUICK = Duration.ofSeconds(5);
    static final int LIMIT = 20 * 1024 * 1024;

    static RawHttp connect() {
        return new RawHttp(RestAssured.port, QUICK);
    }

    static void assertSchema(RawHttp.Answer answer, int status) {
        assertNotNull(answer.status(), "no answer");
        assertEquals(status, answer.status(), answer.text());
        assertEquals("application/json", answer.header("content-type"), answer.text());
        JsonObject body = new JsonObject(answer.text());
        assertEquals(status, body.getInteger("code"), answer.text());
        assertTrue(body.getString("message") != null && !body.getString("message").isBlank(), answer.text());
    }

    // Point 1: no key, no body.

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "Content-Length: 20971520                       | ",
            "Transfer-Encoding: chunked                     | ",
            "Content-Length: 20971520                       | x-internal-challenge: wrong",
            "Transfer-Encoding: chunked                     | x-internal-challenge: test-secreT",
            "Content-Length: 20971520                       | x-internal-challenge: test-secret\\r\\nx-internal-challenge: wrong",
            "Content-Length: 20971520                       | x-internal-challenge: wrong\\r\\nx-internal-challenge: test-secret",
    })
    void aCallerWithoutTheKeyIsRefusedFromTheHeadersAloneAndDisconnected(String framing, String challenge) {
        int before = ContractFunction.calls();
        try (RawHttp http = connect()) {
            // Not one byte of the declared body is sent: the answer cannot have waited for it.
            http.send("POST / HTTP/1.1\r\nHost: localhost\r\n" + framing + "\r\n"
                    + (challenge == null ? "" : challenge.replace("\\r\\n", "\r\n") + "\r\n") + "\r\n");
            RawHttp.Answer answer = http.read(false);
            assertSchema(answer, 401);
            assertEquals("Unauthorized", new JsonObject(answer.text()).getString("message"));
            assertEquals("close", answer.header("connection"));
            assertTrue(http.closedWithin(QUICK), "the connection stayed open with the body unread");
        }
        assertEquals(before, ContractFunction.calls(), "the function must not run");
    }

    @Test
    void aRefusalWithoutBodyKeepsTheConnection() {
        try (RawHttp http = connect()) {
            http.send("POST / HTTP/1.1\r\nHost: localhost\r\nContent-Length: 0\r\n\r\n");
            RawHttp.Answer answer = http.read(false);
            assertSchema(answer, 401);
            assertEquals(null, answer.header("connection"));
            http.send("POST / HTTP/1.1\r\nHost: localhost\r\nx-internal-challenge: test-secret\r\nContent-Length: 2\r\n\r\n{}");
            assertEquals(200, http.read(false).status());
        }
    }

    // Point 2: chunked bodies decode to the bytes sent.

    /** An execution of exactly {@code size} bytes whose payload asks the function for its digest. */
    static byte[] execution(int size) {
        if (size < 40) {
            return " ".repeat(size).getBytes(StandardCharsets.US_ASCII); // whitespace only: an empty execution
        }
        String head = "{\"payload\":\"digest:";
        String tail = "\"}";
        StringBuilder payload = new StringBuilder(size);
        Random random = new Random(size);
        for (int i = head.length() + tail.length(); i < size; i++) {
            payload.append((char) ('a' + random.nextInt(26)));
        }
        return (head + payload + tail).getBytes(StandardCharsets.US_ASCII);
    }

    static String expected(byte[] execution) throws Exception {
        if (execution.length < 40) {
            return "ok";
        }
        String json = new String(execution, StandardCharsets.US_ASCII);
        byte[] payload = json.substring("{\"payload\":\"".length(), json.length() - 2).getBytes(StandardCharsets.UTF_8);
        return payload.length + " " + HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(payload));
    }

    @ParameterizedTest
    @ValueSource(ints = {0, 1, 10240, 10241, 1024 * 1024, LIMIT - 1})
    void httpClientsChunkedBodiesArriveAsSent(int size) throws Exception {
        byte[] body = execution(size);
        HttpClient client = HttpClient.newHttpClient();
        for (String type : new String[] {"application/json", "application/x-www-form-urlencoded"}) {
            // ofInputStream has no known length: the JDK's client streams it chunked.
            HttpResponse<String> chunked = client.send(request(type)
                    .POST(HttpRequest.BodyPublishers.ofInputStream(() -> new ByteArrayInputStream(body))).build(),
                    HttpResponse.BodyHandlers.ofString());
            HttpResponse<String> sized = client.send(request(type).POST(HttpRequest.BodyPublishers.ofByteArray(body)).build(),
                    HttpResponse.BodyHandlers.ofString());
            assertEquals(200, chunked.statusCode(), chunked.body());
            assertEquals(expected(body), chunked.body(), type);
            assertEquals(chunked.body(), sized.body(), type);
        }
    }

    static HttpRequest.Builder request(String type) {
        return HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + RestAssured.port + "/"))
                .header("x-internal-challenge", ExecutionContractTest.KEY).header("Content-Type", type)
                .timeout(Duration.ofSeconds(60));
    }

    @ParameterizedTest
    @ValueSource(ints = {0, 1, 10240, 10241, 1024 * 1024})
    void rawChunksOfAnySizeArriveAsSent(int size) throws Exception {
        byte[] body = execution(size);
        StringBuilder request = new StringBuilder("POST / HTTP/1.1\r\nHost: localhost\r\nx-internal-challenge: test-secret\r\n"
                + "Transfer-Encoding: chunked\r\n\r\n");
        Random random = new Random(size);
        for (int at = 0; at < body.length;) {
            int chunk = Math.min(body.length - at, 1 + random.nextInt(random.nextBoolean() ? 16 : 70_000));
            // Chunk extensions are legal and must be ignored.
            request.append(Integer.toHexString(chunk)).append(random.nextBoolean() ? ";ext=1" : "").append("\r\n")
                    .append(new String(body, at, chunk, StandardCharsets.ISO_8859_1)).append("\r\n");
            at += chunk;
        }
        request.append("0\r\nx-trailer: yes\r\n\r\n");
        try (RawHttp http = new RawHttp(RestAssured.port, Duration.ofSeconds(60))) {
            RawHttp.Answer answer = http.send(request.toString()).read(false);
            assertEquals(200, answer.status(), answer.text());
            assertEquals(expected(body), answer.text());
        }
    }

    @Test
    void aChunkedBodyOverTheLimitIsTooLarge() {
        try (RawHttp http = connect()) {
            http.send("POST / HTTP/1.1\r\nHost: localhost\r\nx-internal-challenge: test-secret\r\nTransfer-Encoding: chunked\r\n\r\n");
            byte[] chunk = " ".repeat(1024 * 1024).getBytes(StandardCharsets.US_ASCII);
            for (int i = 0; i < 20; i++) {
                http.send("100000\r\n").send(chunk).send("\r\n");
            }
            http.send("1\r\n \r\n0\r\n\r\n"); // the limit + 1
            RawHttp.Answer answer = http.read(false);
            assertSchema(answer, 413);
            assertTrue(answer.text().contains("20 MiB"), answer.text());
            assertTrue(http.closedWithin(QUICK));
        }
    }

    // Point 6: every answer in the error schema.

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "431 | GET / HTTP/1.1\\r\\nHost: x\\r\\nX-Big: {big}\\r\\n\\r\\n",
            "414 | GET /{big} HTTP/1.1\\r\\nHost: x\\r\\n\\r\\n",
            "400 | GARBAGE\\r\\n\\r\\n",
            "400 | POST / HTTP/1.1\\r\\nx-internal-challenge: test-secret\\r\\nContent-Length: 2\\r\\n\\r\\n{}",
            "400 | POST / HTTP/1.1\\r\\nHost: x\\r\\nContent-Length: 2\\r\\nTransfer-Encoding: chunked\\r\\n\\r\\n0\\r\\n\\r\\n",
            "400 | POST / HTTP/1.1\\r\\nHost: x\\r\\nContent-Length: two\\r\\n\\r\\n",
            "400 | POST / HTTP/1.1\\r\\nHost: x\\r\\nx-internal-challenge: test-secret\\r\\nTransfer-Encoding: chunked\\r\\n\\r\\nzz\\r\\n",
            "400 | POST / HTTP/1.1\\r\\nHost: x\\r\\nBad Header: x\\r\\n\\r\\n",
            "404 | OPTIONS * HTTP/1.1\\r\\nHost: x\\r\\nx-internal-challenge: test-secret\\r\\n\\r\\n",
    })
    void whatVertxRejectsIsAnsweredInTheSchema(int status, String request) {
        String raw = request.replace("\\r\\n", "\r\n").replace("{big}", "a".repeat(30_000));
        try (RawHttp http = connect()) {
            RawHttp.Answer answer = http.send(raw).read(false);
            assertSchema(answer, status);
        }
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "OPTIONS  | /       | 405",
            "OPTIONS  | /other  | 404",
            "PUT      | /       | 405",
            "PATCH    | /       | 405",
            "DELETE   | /       | 405",
            "TRACE    | /       | 405",
            "PROPFIND | /       | 405",
            "GET      | /other  | 404",
            "TRACE    | /other  | 404",
    })
    void theMethodRowsHoldForEveryMethod(String method, String path, int status) {
        try (RawHttp http = connect()) {
            RawHttp.Answer answer = http.send(method + " " + path + " HTTP/1.1\r\nHost: x\r\nx-internal-challenge: test-secret\r\n\r\n")
                    .read(false);
            assertSchema(answer, status);
            if (status == 405) {
                assertEquals("POST", answer.header("allow"));
            }
        }
    }

    @Test
    void headIsRefusedWithoutABody() {
        try (RawHttp http = connect()) {
            RawHttp.Answer answer = http.send("HEAD / HTTP/1.1\r\nHost: x\r\nx-internal-challenge: test-secret\r\n\r\n").read(true);
            assertEquals(405, answer.status());
            assertEquals("POST", answer.header("allow"));
        }
    }
}
