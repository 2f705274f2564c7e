package io.openruntimes.quarkus.v5;

import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.emptyString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.startsWith;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import io.restassured.RestAssured;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;
import java.io.ByteArrayInputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * contract-v5 sections 4, 5 and 8, one test a row, against a v5 server serving {@code
 * io.openruntimes.java.V5ContractFunction} as the `serve` container: secret {@link V5Profile#SECRET},
 * enforced headers {@link V5Profile#HEADERS}, {@link V5Profile#SEEDED_TIMINGS} at the start of its
 * timings. {@link V5ContractTest} runs them in-process; V5LifecycleTest.Contract against the server
 * the real helpers/build.sh and helpers/start.sh made.
 */
public abstract class V5Cases {

    /** The server's port on 127.0.0.1. */
    protected abstract int port();

    /** The server's logs folder (/mnt/logs), holding only what these cases wrote. */
    protected abstract Path logs();

    RequestSpecification given() {
        return RestAssured.given().port(port());
    }

    RequestSpecification executor() {
        return given().header("x-open-runtimes-secret", V5Profile.SECRET).urlEncodingEnabled(false);
    }

    RequestSpecification executor(String logId) {
        return executor().header("x-open-runtimes-log-id", logId);
    }

    String raw(String head) throws java.io.IOException {
        return V5Http.raw(port(), head, null, 5000);
    }

    String logs(String id) throws java.io.IOException {
        return V5Http.read(logs().resolve(id + "_logs.log"));
    }

    String errors(String id) throws java.io.IOException {
        return V5Http.read(logs().resolve(id + "_errors.log"));
    }

    // 4.1 Listener and routing

    @ParameterizedTest
    @ValueSource(strings = {"GET", "POST", "PUT", "DELETE", "PATCH", "OPTIONS"})
    void everyFunctionMethodRunsTheFunction(String method) {
        executor().request(method, "/any/path").then().statusCode(200).body(equalTo("path /any/path"));
    }

    @Test
    void headRunsTheFunctionAndDropsTheBody() throws Exception {
        Response head = executor("head-run").head("/log");
        head.then().statusCode(200).body(emptyString()).header("x-open-runtimes-log-id", "head-run");
        assertTrue(logs("head-run").contains("one 42 4.2 true"), "the function ran");
    }

    @ParameterizedTest
    @ValueSource(strings = {"TRACE", "PROPFIND"})
    void otherMethodsAreNotFound(String method) {
        executor().request(method, "/x").then().statusCode(404).body(equalTo("Endpoint " + method + " /x not found"));
    }

    @Test
    void getWithAnEmptyOrZeroLengthBodyAnswers() throws Exception {
        executor().get("/text").then().statusCode(200);
        executor().header("content-length", "0").get("/text").then().statusCode(200);
        String answer = raw("GET /text HTTP/1.1\r\nHost: x\r\nContent-Length: 0\r\nx-open-runtimes-secret: "
                + V5Profile.SECRET + "\r\nConnection: close\r\n\r\n");
        assertTrue(answer.startsWith("HTTP/1.1 200"), answer);
    }

    // 4.2 Internal endpoints

    @ParameterizedTest
    @ValueSource(strings = {"GET", "POST", "DELETE"})
    void healthAnswersAnyMethodWithoutTheSecret(String method) {
        given().request(method, "/__opr/health").then().statusCode(200).body(equalTo("OK")).header("content-type", "text/plain");
    }

    @Test
    void timingsAnswersTheFileWithoutTheSecret() {
        given().get("/__opr/timings").then().statusCode(200).header("content-type", "text/plain; charset=utf-8")
                .body(startsWith(V5Profile.SEEDED_TIMINGS)).body(containsString("startup="));
    }

    // 4.3 Order of checks (with 8 #2, #3, #4)

    @Test
    void aWrongSecretIs401WithTheTextAndNoLogId() {
        long files = logFiles();
        Response answer = given().header("x-open-runtimes-secret", "wrong").header("x-open-runtimes-log-id", "unauth").get("/text");
        answer.then().statusCode(401).body(equalTo(V5Edge.UNAUTHORIZED));
        assertEquals(null, answer.header("x-open-runtimes-log-id"));
        assertFalse(Files.exists(logs().resolve("unauth_logs.log")));
        assertEquals(files, logFiles());
    }

    @Test
    void aMissingSecretIs401() {
        given().get("/text").then().statusCode(401).body(equalTo(V5Edge.UNAUTHORIZED));
    }

    @Test
    void theSecretIsCheckedBeforeTheTimeout() {
        given().header("x-open-runtimes-timeout", "abc").get("/text").then().statusCode(401);
    }

    @Test
    void authorizationIsPassedToTheFunction() {
        executor().header("authorization", "Basic b3ByOnRlc3Qtc2VjcmV0LWtleQ==").get("/echo")
                .then().statusCode(200).body("headers.authorization", equalTo("Basic b3ByOnRlc3Qtc2VjcmV0LWtleQ=="));
    }

    @ParameterizedTest
    @ValueSource(strings = {"abc", "0", "-5", "1.5"})
    void aTimeoutThatIsNotAPositiveIntegerIsRefused(String timeout) {
        executor().header("x-open-runtimes-timeout", timeout).get("/text").then().statusCode(500).body(equalTo(V5Edge.BAD_TIMEOUT));
    }

    @Test
    void anEmptyTimeoutIsNoTimeout() {
        executor().header("x-open-runtimes-timeout", "").get("/text").then().statusCode(200);
    }

    @Test
    void unauthorisedBodiesAreNeverReadAndTheConnectionCloses() throws Exception {
        // 20 MiB announced, none sent: the answer comes from the headers alone, then the server closes.
        for (String framing : List.of("Content-Length: 20971520", "Transfer-Encoding: chunked")) {
            long start = System.nanoTime();
            String answer = raw("POST /text HTTP/1.1\r\nHost: x\r\n" + framing + "\r\n\r\n");
            assertTrue(answer.startsWith("HTTP/1.1 401"), answer);
            assertTrue(answer.toLowerCase().contains("connection: close"), answer);
            assertTrue(answer.endsWith(V5Edge.UNAUTHORIZED), answer);
            assertTrue(System.nanoTime() - start < 4_000_000_000L, "closed by the server, not by the read timeout");
        }
    }

    // 4.4 The request the function sees (with 8 #13)

    @Test
    void requestFieldsAsSent() throws Exception {
        // The JDK client sends the query as written (REST Assured would reorder it).
        String query = "a=1&b=&c&=skipped&a=2&d=x=y";
        HttpResponse<String> answer = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build().send(HttpRequest.newBuilder(
                URI.create("http://127.0.0.1:" + port() + "/echo/p%20q/r?" + query))
                .header("x-open-runtimes-secret", V5Profile.SECRET).header("x-forwarded-proto", "https")
                .header("X-Mixed-Case", "first").header("x-open-runtimes-hidden", "h")
                .POST(HttpRequest.BodyPublishers.ofString("text ✓")).build(), HttpResponse.BodyHandlers.ofString());
        assertEquals(200, answer.statusCode());
        JsonObject echo = JsonParser.parseString(answer.body()).getAsJsonObject();
        assertEquals("POST", echo.get("method").getAsString());
        assertEquals("https", echo.get("scheme").getAsString());
        assertEquals("127.0.0.1", echo.get("host").getAsString());
        assertEquals(port(), echo.get("port").getAsInt());
        assertEquals("/echo/p%20q/r", echo.get("path").getAsString());
        assertEquals(query, echo.get("queryString").getAsString());
        assertEquals("{\"a\":\"2\",\"b\":\"\",\"c\":\"\",\"d\":\"x=y\"}", sorted(echo.getAsJsonObject("query")));
        assertEquals("https://127.0.0.1:" + port() + "/echo/p%20q/r?" + query, echo.get("url").getAsString());
        JsonObject headers = echo.getAsJsonObject("headers");
        assertEquals("first", headers.get("x-mixed-case").getAsString());
        assertFalse(headers.has("x-open-runtimes-hidden"));
        assertFalse(headers.has("x-open-runtimes-secret"));
        assertEquals("text ✓", echo.get("text").getAsString());
        assertEquals("text ✓", echo.get("raw").getAsString());
    }

    private static String sorted(JsonObject object) {
        JsonObject sorted = new JsonObject();
        object.keySet().stream().sorted().forEach(k -> sorted.add(k, object.get(k)));
        return sorted.toString();
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "example.com|http|example.com|80|http://example.com/echo",
        "example.com|https|example.com|443|https://example.com/echo",
        "example.com:443|https|example.com|443|https://example.com/echo",
        "example.com:80|https|example.com|80|https://example.com:80/echo",
        "[::1]:3000|http|::1|3000|http://[::1]:3000/echo",
        "[::1]|http|::1|80|http://[::1]/echo",
    })
    void hostPortAndUrl(String hostHeader, String scheme, String host, int port, String url) {
        executor().header("Host", hostHeader).header("x-forwarded-proto", scheme).get("/echo")
                .then().statusCode(200).body("host", equalTo(host)).body("port", equalTo(port)).body("url", equalTo(url));
    }

    @Test
    void noQueryIsAnEmptyQuery() {
        executor().get("/echo").then().body("queryString", equalTo("")).body("query.size()", equalTo(0))
                .body("scheme", equalTo("http"));
    }

    @Test
    void repeatedHeaderGivesItsFirstValue() throws Exception {
        String answer = raw("GET /echo HTTP/1.1\r\nHost: x\r\nX-Twice: one\r\nx-twice: two\r\nx-open-runtimes-secret: "
                + V5Profile.SECRET + "\r\nConnection: close\r\n\r\n");
        assertTrue(answer.contains("\"x-twice\":\"one\""), answer);
    }

    @Test
    void bodyJsonHasGsonNumbers() {
        executor().contentType("text/plain").body("{\"n\":3,\"s\":\"x\"}").post("/body-json")
                .then().statusCode(200).body(equalTo("{\"json\":{\"n\":3.0,\"s\":\"x\"}}"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "not json"})
    void bodyJsonOfAnEmptyOrInvalidBodyIs500MentioningJson(String body) throws Exception {
        String id = "badjson" + body.length();
        // An uncaught exception: 500, an empty body in text, as upstream answers it.
        executor(id).body(body).post("/body-json").then().statusCode(500)
                .header("content-type", "text/plain; charset=utf-8").body(emptyString());
        assertTrue(errors(id).contains("Json"), errors(id));
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "application/json|{\"a\":1}|map|{\"a\":1.0}",
        "application/json; charset=utf-8|''|map|{}",
        "text/plain|{\"a\":1}|string|\"{\\\"a\\\":1}\"",
    })
    void bodyAutoFollowsTheContentType(String type, String body, String kind, String value) {
        executor().contentType(type).body(body).post("/body")
                .then().statusCode(200).body(containsString("\"type\":\"" + kind + "\"")).body(containsString("\"body\":" + value));
    }

    @Test
    void bodyBinaryIsTheBytes() {
        byte[] bytes = {0, (byte) 0xff, 10, 13};
        executor().contentType("application/octet-stream").body(bytes).post("/size")
                .then().body(equalTo("4 " + Arrays.hashCode(bytes)));
    }

    // 4.5 Enforced headers

    @Test
    void enforcedHeadersWinAndAreStringified() {
        executor().header("X-Custom", "client").get("/echo").then()
                .body("headers.x-custom", equalTo("value")).body("headers.x-custom-uppercase", equalTo("Value2"))
                .body("headers.x-open-runtimes-custom", equalTo("248"));
    }

    // 4.6 The response (with 8 #9, #10)

    @Test
    void statusAndTextAsUtf8() {
        executor().get("/text").then().statusCode(200).header("content-type", "text/plain; charset=utf-8").body(equalTo("hello ✓"));
        executor().get("/status").then().statusCode(418).body(equalTo("teapot"));
    }

    @Test
    void deprecatedSendIsText() {
        executor().get("/send").then().statusCode(201).header("x-sent", "yes").body(equalTo("sent"));
    }

    @Test
    void headerNamesLowerCasedRuntimeOnesDroppedContentTypeLowered() {
        Response answer = executor().get("/headers");
        answer.then().statusCode(200).header("content-type", "text/html; charset=utf-8").header("cookie", "a=b; c=d");
        List<String> names = answer.headers().asList().stream().map(h -> h.getName()).collect(Collectors.toList());
        assertTrue(names.contains("x-custom-header"), names.toString());
        assertFalse(names.contains("X-Custom-Header"), names.toString());
        assertFalse(names.stream().anyMatch(n -> n.startsWith("x-open-runtimes-secret")), names.toString());
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "Application/XML|application/xml; charset=utf-8",
        "text/html; Charset=ISO-8859-1|text/html; charset=iso-8859-1",
        "multipart/form-data; boundary=AbC|multipart/form-data; boundary=AbC",
    })
    void contentTypeRules(String given, String sent) {
        executor().header("x-type", given).get("/content-type").then().header("content-type", sent);
    }

    @Test
    void binaryIsSentAsIsWithTextPlain() {
        byte[] body = executor().get("/binary").then().statusCode(200).header("content-type", "text/plain; charset=utf-8")
                .extract().asByteArray();
        assertTrue(Arrays.equals(new byte[] {0, 1, 2, (byte) 0xff}, body));
    }

    @Test
    void jsonIsCompactWithNulls() {
        executor().get("/json").then().statusCode(200).header("content-type", "application/json; charset=utf-8")
                .body(equalTo("{\"a\":1,\"nothing\":null,\"list\":[\"x\",2.5]}"));
        executor().get("/json-headers").then().statusCode(201).header("x-json", "1");
    }

    @Test
    void redirectAndEmpty() {
        executor().redirects().follow(false).get("/redirect").then().statusCode(301)
                .header("location", "https://example.com/next").body(emptyString());
        executor().redirects().follow(false).get("/redirect-302").then().statusCode(302).header("location", "/elsewhere")
                .header("x-r", "1");
        executor().get("/empty").then().statusCode(204).body(emptyString());
    }

    @Test
    void lastReturnedOutputWins() {
        executor().get("/last-wins").then().statusCode(200).body(equalTo("me"));
    }

    @Test
    void immutableHeaderMapsWorkAndAreNeverWritten() {
        executor().get("/immutable").then().statusCode(200).header("x-fixed", "1").body(equalTo("1 application/json /r"));
    }

    @Test
    void severalSetCookieEachOnItsOwnLine() throws Exception {
        String answer = raw("GET /cookies HTTP/1.1\r\nHost: x\r\nx-open-runtimes-secret: " + V5Profile.SECRET
                + "\r\nConnection: close\r\n\r\n");
        assertTrue(answer.contains("\r\nset-cookie: a=1; Path=/\r\n"), answer);
        assertTrue(answer.contains("\r\nset-cookie: b=2; HttpOnly\r\n"), answer);
    }

    @Test
    void aLargeBodyGoesOut() {
        byte[] body = executor().get("/large").then().statusCode(200).extract().asByteArray();
        assertEquals(17_000_000, body.length);
    }

    @Test
    void theLogIdIsAlwaysAnswered() {
        String id = executor().get("/text").then().extract().header("x-open-runtimes-log-id");
        assertTrue(id.matches("[0-9a-f]{20}"), id);
        String other = executor().get("/text").then().extract().header("x-open-runtimes-log-id");
        assertFalse(id.equals(other));
        executor().header("x-open-runtimes-logging", "disabled").get("/text").then().header("x-open-runtimes-log-id", "");
    }

    // 4.7 Logs and errors (with 8 #7)

    @Test
    void logAndErrorRendering() throws Exception {
        executor("render").get("/log").then().statusCode(200);
        assertEquals("one 42 4.2 true Log+With+Plus+Symbol\n{\"k\":\"v\"}\n[1,\"two\"]\n", logs("render"));
        assertEquals("bad 7\n", errors("render"));
    }

    @Test
    void bothFilesExistEvenWhenEmptyAndAreAppended() throws Exception {
        executor("twice").get("/text").then().statusCode(200);
        assertEquals("", logs("twice"));
        assertEquals("", errors("twice"));
        executor("twice").get("/log").then().statusCode(200);
        executor("twice").get("/log").then().statusCode(200);
        assertEquals(2, errors("twice").lines().count());
    }

    @Test
    void longLogCallsAreCut() throws Exception {
        executor("long").get("/long-log").then().statusCode(200);
        assertEquals("x".repeat(8000) + "... Log truncated due to size limit (8000 characters)\n", logs("long"));
        assertEquals("y".repeat(8000) + "\n", errors("long"));
    }

    @Test
    void loggingDisabledWritesNothing() throws Exception {
        long files = logFiles();
        executor("off").header("x-open-runtimes-logging", "disabled").get("/log")
                .then().statusCode(200).header("x-open-runtimes-log-id", "");
        assertEquals(files, logFiles());
        assertFalse(Files.exists(logs().resolve("off_logs.log")));
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "enabled"})
    void loggingEmptyOrEnabledIsOn(String value) throws Exception {
        executor("on" + value).header("x-open-runtimes-logging", value).get("/log").then().statusCode(200);
        assertTrue(logs("on" + value).contains("one 42"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"../escape", "a/b", "a..b", "id%2F", "sp ace"})
    void unsafeLogIdsAreRefused(String id) {
        executor(id).get("/text").then().statusCode(400).body(equalTo(V5Edge.BAD_LOG_ID));
        assertFalse(Files.exists(logs().getParent().resolve("escape_logs.log")));
    }

    @Test
    void safeLogIdsWithDotsDashesUnderscores() throws Exception {
        executor("a.b-c_D9").get("/text").then().statusCode(200).header("x-open-runtimes-log-id", "a.b-c_D9");
        logs("a.b-c_D9");
    }

    @Test
    void nativeOutputGoesToTheLogsFileAfterItsLine() throws Exception {
        executor("native1").header("x-test-id", "n1").get("/native").then().statusCode(200);
        String logs = logs("native1");
        assertTrue(logs.startsWith("context n1\nNative logs detected. Use context.log() or context.error() for better experience.\n"), logs);
        assertTrue(logs.contains("native out n1\n") && logs.contains("native child n1\n") && logs.contains("native err n1 4\n"), logs);
        assertFalse(logs.contains("runtime line"), "the runtime's logging is not captured: " + logs);
    }

    @Test
    void overlappingExecutionsKeepTheirOwnNativeOutput() throws Exception {
        List<CompletableFuture<Void>> runs = IntStream.range(0, 8).mapToObj(i -> CompletableFuture.runAsync(() ->
                executor("overlap" + i).header("x-test-id", "o" + i).get("/native").then().statusCode(200))).toList();
        runs.forEach(CompletableFuture::join);
        for (int i = 0; i < 8; i++) {
            String logs = logs("overlap" + i);
            String mine = "o" + i;
            assertEquals(8, logs.lines().filter(l -> l.startsWith("native") || l.startsWith("context")).count(), logs);
            assertTrue(logs.lines().filter(l -> l.startsWith("native") || l.startsWith("context")).allMatch(l -> l.endsWith(" " + mine) || l.contains(" " + mine + " ")), logs);
            assertFalse(logs.contains("runtime line"), logs);
        }
    }

    @Test
    void overlappingDevLikeExecutionsNeverInterleaveWithinALine() throws Exception {
        List<CompletableFuture<Void>> runs = IntStream.range(0, 6).mapToObj(i -> CompletableFuture.runAsync(() ->
                executor("shared").header("x-test-id", "s" + i).get("/lines").then().statusCode(200))).toList();
        runs.forEach(CompletableFuture::join);
        List<String> lines = logs("shared").lines().toList();
        assertEquals(1200, lines.size());
        assertTrue(lines.stream().allMatch(l -> l.matches("(s\\d) z{500} \\1")), "every line whole");
    }

    // 4.8 Errors and timeouts (with 8 #5)

    @Test
    void aThrowIs500WithTheStackInTheErrorLog() throws Exception {
        executor("thrown").get("/throw").then().statusCode(500).body(emptyString()).header("x-open-runtimes-log-id", "thrown");
        String errors = errors("thrown");
        assertTrue(errors.contains("IllegalStateException: thrown on purpose"), errors);
        assertTrue(errors.contains("V5ContractFunction.java:"), errors);
        assertEquals("before the throw\n", logs("thrown"));
    }

    @Test
    void nullIs500ReturnMissing() throws Exception {
        executor("null").get("/null").then().statusCode(500).body(emptyString());
        assertEquals(Executions.RETURN_MISSING + "\n", errors("null"));
    }

    @Test
    void aTimeoutIsAnsweredAtTheDeadlineAndNeverDelaysOthers() throws Exception {
        long start = System.nanoTime();
        CompletableFuture<Response> slow = CompletableFuture.supplyAsync(() -> executor("timeout")
                .header("x-open-runtimes-timeout", "1").header("x-sleep", "4000").get("/timeout"));
        Thread.sleep(200);
        for (int i = 0; i < 5; i++) {
            long one = System.nanoTime();
            executor().get("/text").then().statusCode(200);
            assertTrue(System.nanoTime() - one < 500_000_000L, "others answer at once");
        }
        slow.join().then().statusCode(500).body(emptyString());
        long took = (System.nanoTime() - start) / 1_000_000;
        assertTrue(took >= 900 && took < 3000, "answered at the deadline: " + took + " ms");
        assertEquals(Executions.TIMED_OUT + "\n", errors("timeout"));
        Thread.sleep(3500); // the function wakes up and logs again: dropped, the files were closed
        assertEquals("Timeout start.\n", logs("timeout"));
    }

    @Test
    void withinTheTimeoutIsANormalAnswer() {
        executor().header("x-open-runtimes-timeout", "5").header("x-sleep", "10").get("/timeout")
                .then().statusCode(200).body(equalTo("slept"));
    }

    @Test
    void aLibraryOfTheFunctionsDependenciesIsOnItsClassPath() {
        executor().get("/dependency").then().statusCode(200).body(equalTo("[\"gson\",1]"));
    }

    @Test
    void aNewInstanceForEveryExecution() {
        String first = executor().get("/instance").then().extract().asString();
        String second = executor().get("/instance").then().extract().asString();
        assertFalse(first.equals(second));
    }

    // Bodies: 20 MiB in, over it 413 (8 #15), chunked

    @Test
    void aBodyOf20MiBIsRead() {
        byte[] body = new byte[20 * 1024 * 1024];
        Arrays.fill(body, (byte) 'b');
        executor().body(body).post("/size").then().statusCode(200).body(equalTo(body.length + " " + Arrays.hashCode(body)));
    }

    @Test
    void aBodyOverTheLimitIs413AndTheConnectionCloses() throws Exception {
        // The close may wait for the header timeout (5 s): the connection guard drains what a client
        // that sends its whole body before reading still sends, so that it reads the 413.
        String answer = V5Http.raw(port(), "POST /size HTTP/1.1\r\nHost: x\r\nContent-Length: 20971521\r\nx-open-runtimes-secret: "
                + V5Profile.SECRET + "\r\n\r\n", null, 20_000);
        assertTrue(answer.startsWith("HTTP/1.1 413"), answer);
        assertTrue(answer.toLowerCase().contains("connection: close"), answer);
    }

    @Test
    void aChunkedBodyOverTheLimitIs413() throws Exception {
        HttpResponse<String> answer = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build().send(chunked(new byte[20 * 1024 * 1024 + 10]),
                HttpResponse.BodyHandlers.ofString());
        assertEquals(413, answer.statusCode());
    }

    @ParameterizedTest
    @ValueSource(ints = {0, 1, 10_241, 3 * 1024 * 1024, 20 * 1024 * 1024})
    void chunkedBodiesDecodeToTheSameBytes(int size) throws Exception {
        byte[] body = new byte[size];
        for (int i = 0; i < size; i++) {
            body[i] = (byte) (i * 31);
        }
        HttpResponse<String> answer = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build().send(chunked(body), HttpResponse.BodyHandlers.ofString());
        assertEquals(200, answer.statusCode());
        assertEquals(size + " " + Arrays.hashCode(body), answer.body());
    }

    private HttpRequest chunked(byte[] body) {
        // An InputStream publisher has no known length: the JDK client sends it chunked.
        return HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port() + "/size"))
                .header("x-open-runtimes-secret", V5Profile.SECRET).timeout(Duration.ofSeconds(30))
                .POST(HttpRequest.BodyPublishers.ofInputStream(() -> new ByteArrayInputStream(body))).build();
    }

    private long logFiles() {
        try (var files = Files.list(logs())) {
            return files.count();
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
