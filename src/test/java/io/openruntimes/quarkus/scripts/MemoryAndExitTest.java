package io.openruntimes.quarkus.scripts;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.vertx.core.json.JsonObject;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * Memory pressure and a function that ends the process, on a server started by start.sh with the
 * flags a 512 MiB container gets (OPENRUNTIMES_MEMORY_LIMIT stands in for its cgroup's limit), and
 * supervise.sh starting the JVM again whenever it ends.
 */
class MemoryAndExitTest {

    static final int MIB = 1024 * 1024;
    static final String MIB_512 = Long.toString(512L * MIB);
    static final Map<String, String> CONTAINER_512_MIB = Map.of("OPENRUNTIMES_MEMORY_LIMIT", MIB_512);
    /** The executor's 512 MB: 512 x 1,000,000 bytes. */
    static final Map<String, String> EXECUTOR_512_MB = Map.of("OPENRUNTIMES_MEMORY_LIMIT", "512000000");

    @TempDir
    static Path scratch;
    static Scripts.Build misbehaving;

    @BeforeAll
    static void buildTheMisbehavingFunction() {
        misbehaving = Scripts.buildTestFunction("misbehaving", scratch.resolve("build"));
    }

    /** Issue 9, point 3: 64 executions of 19 MiB at once run or are refused at once; the process lives on. */
    @Test
    @Timeout(60)
    void bodiesThatDoNotFitAreRefusedWith503AndTheProcessLivesOn() throws Exception {
        try (Scripts.Server server = Scripts.start(misbehaving, scratch.resolve("bodies"), CONTAINER_512_MIB)) {
            byte[] body = ("{\"payload\":\"" + "x".repeat(19 * MIB - 14) + "\"}").getBytes(StandardCharsets.US_ASCII);
            assertEquals(19 * MIB, body.length);
            HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
            List<CompletableFuture<Timed>> calls = new ArrayList<>();
            for (int i = 0; i < 64; i++) {
                long sent = System.nanoTime();
                calls.add(client.sendAsync(execution(server, body), HttpResponse.BodyHandlers.ofString())
                        .thenApply(response -> new Timed(response, Duration.ofNanos(System.nanoTime() - sent))));
            }
            int ran = 0, refused = 0;
            Duration slowestRefusal = Duration.ZERO;
            for (CompletableFuture<Timed> call : calls) {
                Timed answer = call.get(45, TimeUnit.SECONDS);
                HttpResponse<String> response = answer.response();
                if (response.statusCode() == 200) {
                    assertEquals(Integer.toString(19 * MIB - 14), response.body());
                    ran++;
                } else {
                    assertEquals(503, response.statusCode(), response.body());
                    assertEquals("1", response.headers().firstValue("retry-after").orElse(null), response.headers().toString());
                    assertEquals("application/json", response.headers().firstValue("content-type").orElse(null));
                    JsonObject error = new JsonObject(response.body());
                    assertEquals(503, error.getInteger("code"));
                    assertTrue(error.getString("message").contains("retry later"), response.body());
                    refused++;
                    slowestRefusal = answer.took().compareTo(slowestRefusal) > 0 ? answer.took() : slowestRefusal;
                }
            }
            long peak = peakRssBytes(server);
            System.out.printf("64 executions of 19 MiB: %d ran, %d refused with 503 (slowest refusal %d ms); peak RSS %d MiB%n",
                    ran, refused, slowestRefusal.toMillis(), peak / MIB);
            assertTrue(ran >= 1 && refused >= 1, ran + " ran, " + refused + " refused");
            assertTrue(peak < 512L * MIB, "peak RSS " + peak / MIB + " MiB");
            assertTrue(server.process().isAlive(), server.log());
            assertTrue(!server.log().contains("OutOfMemoryError"), server.log());
            // Every permit was given back: a full-size execution runs again.
            HttpResponse<String> after = client.send(execution(server, body), HttpResponse.BodyHandlers.ofString());
            assertEquals(200, after.statusCode(), after.body());

            // At once: with two 19 MiB executions running, a third is refused from its headers, its body unsent.
            String heldPrefix = "{\"payload\":\"sleep:4000\",\"pad\":\"";
            byte[] held = (heldPrefix + "x".repeat(19 * MIB - heldPrefix.length() - 2) + "\"}").getBytes(StandardCharsets.US_ASCII);
            assertEquals(19 * MIB, held.length);
            List<CompletableFuture<HttpResponse<String>>> holding = List.of(
                    client.sendAsync(execution(server, held), HttpResponse.BodyHandlers.ofString()),
                    client.sendAsync(execution(server, held), HttpResponse.BodyHandlers.ofString()));
            server.awaitLog("sleeping 4000 ms", 2, Duration.ofSeconds(15));
            String head = headOfAnswerWithoutBody(server, 19 * MIB);
            assertTrue(head.startsWith("HTTP/1.1 503 "), head);
            assertTrue(head.toLowerCase(java.util.Locale.ROOT).contains("retry-after: 1\r\n"), head);
            for (CompletableFuture<HttpResponse<String>> call : holding) {
                assertEquals("slept 4000 ms", call.get(20, TimeUnit.SECONDS).body());
            }
        }
    }

    /** Sends only the headers of a {@code length}-byte execution, and reads the answer's head (3 s at most). */
    private static String headOfAnswerWithoutBody(Scripts.Server server, int length) throws IOException {
        try (java.net.Socket socket = new java.net.Socket("127.0.0.1", server.port())) {
            socket.setSoTimeout(3_000);
            socket.getOutputStream().write(("POST / HTTP/1.1\r\nHost: 127.0.0.1\r\nx-internal-challenge: " + Scripts.KEY
                    + "\r\nContent-Type: application/json\r\nContent-Length: " + length + "\r\n\r\n")
                    .getBytes(StandardCharsets.US_ASCII));
            StringBuilder head = new StringBuilder();
            var in = socket.getInputStream();
            while (head.indexOf("\r\n\r\n") < 0) {
                int next = in.read();
                if (next < 0) {
                    break;
                }
                head.append((char) next);
            }
            return head.toString();
        }
    }

    /** Issue 9, point 4: a function's OutOfMemoryError fails that execution; the one beside it answers. */
    @Test
    @Timeout(60)
    void anOutOfMemoryErrorIsThatExecutionsFailure() throws Exception {
        try (Scripts.Server server = Scripts.start(misbehaving, scratch.resolve("oom"), CONTAINER_512_MIB)) {
            CompletableFuture<HttpResponse<String>> beside = executeAsync(server, "sleep:3000");
            server.awaitLog("sleeping 3000 ms", Duration.ofSeconds(15));

            HttpResponse<String> oom = execute(server, "oom");
            assertEquals(500, oom.statusCode(), oom.body());
            JsonObject error = new JsonObject(oom.body());
            assertEquals(500, error.getInteger("code"));
            assertTrue(error.getString("message").startsWith("java.lang.OutOfMemoryError: Java heap space"), oom.body());
            assertTrue(error.getString("message").contains("at Index.main(Index.java:"), oom.body());

            HttpResponse<String> slept = beside.get(20, TimeUnit.SECONDS);
            assertEquals(200, slept.statusCode(), slept.body());
            assertEquals("slept 3000 ms", slept.body());
            assertEquals("20", execute(server, "x".repeat(20)).body());
            server.awaitLog("the heap recovered", Duration.ofSeconds(15));
            assertTrue(server.process().isAlive(), server.log());
        }
    }

    /** Issue 16, point 2: an execution that needs 250 MB runs in the executor's 512 MB. */
    @Test
    @Timeout(60)
    void anExecutionOf250MbRunsIn512Mb() throws Exception {
        try (Scripts.Server server = Scripts.start(misbehaving, scratch.resolve("250mb"), EXECUTOR_512_MB)) {
            for (int i = 0; i < 3; i++) {
                HttpResponse<String> held = execute(server, "allocate:250");
                assertEquals(200, held.statusCode(), held.body());
                assertEquals("held 250 MB", held.body());
            }
        }
    }

    /**
     * Issue 9, point 4, and issue 16, point 1: a function that keeps what fills the heap ends the
     * JVM, which says why; supervise.sh says so too and starts it again, which serves.
     */
    @Test
    @Timeout(60)
    void aHeapThatCannotRecoverEndsTheJvmWhichIsStartedAgain() throws Exception {
        try (Scripts.Server server = Scripts.start(misbehaving, scratch.resolve("leak"), EXECUTOR_512_MB)) {
            ProcessHandle first = server.jvm(Duration.ofSeconds(5));
            HttpResponse<String> leak = execute(server, "leak");
            assertEquals(500, leak.statusCode(), leak.body());
            assertTrue(leak.body().contains("OutOfMemoryError"), leak.body());

            server.awaitLog("the server ended (exit status 3)", Duration.ofSeconds(30));
            assertTrue(server.log().contains("The heap cannot recover: after an OutOfMemoryError and 3 full collections"), server.log());
            assertServedAgain(server, first, 1);
        }
    }

    /** Issue 16, point 1: the kernel's OOM killer (or anyone) sending the JVM SIGKILL: the next execution is served. */
    @Test
    @Timeout(60)
    void aKilledJvmIsStartedAgainAtOnce() throws Exception {
        try (Scripts.Server server = Scripts.start(misbehaving, scratch.resolve("kill"), Map.of())) {
            assertEquals(200, execute(server, "x").statusCode());
            ProcessHandle first = server.jvm(Duration.ofSeconds(5));
            long killed = System.nanoTime();
            assertTrue(first.destroyForcibly());
            Duration toNext200 = assertServedAgain(server, first, 1);
            System.out.printf("SIGKILL of the JVM to the next 200: %d ms%n", toNext200.toMillis());
            assertTrue(server.log().contains("the server ended (signal KILL) after "), server.log());
            assertTrue(Duration.ofNanos(System.nanoTime() - killed).compareTo(toNext200) >= 0);
        }
    }

    /** Issue 16's test: after a function's System.exit(1), an execution sent 5 s later answers 200. */
    @Test
    @Timeout(60)
    void fiveSecondsAfterSystemExitAnExecutionAnswers() throws Exception {
        try (Scripts.Server server = Scripts.start(misbehaving, scratch.resolve("exit-1"), Map.of())) {
            assertEquals(503, execute(server, "exit").statusCode());
            Thread.sleep(5_000);
            HttpResponse<String> later = execute(server, "x");
            assertEquals(200, later.statusCode(), server.log());
            assertTrue(server.log().contains("the server ended (exit status 1) after "), server.log());
            assertTrue(server.log().contains("(restart 1)"), server.log());
            // The function thread that called exit never ends: the shutdown must not wait for it.
            assertTrue(server.log().contains("Not waiting for the function threads: the process is ending by a call to exit"),
                    server.log());
        }
    }

    /**
     * Waits for a JVM other than {@code ended} and for its first 200 (the port refuses in between);
     * the time from the call to that 200. supervise.sh's line names the restart.
     */
    private static Duration assertServedAgain(Scripts.Server server, ProcessHandle ended, int restart) throws Exception {
        long start = System.nanoTime();
        assertTrue(ended.onExit().get(30, TimeUnit.SECONDS) != null);
        HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(1)).build();
        while (true) {
            try {
                HttpResponse<String> next = client.send(execution(server, "x"), HttpResponse.BodyHandlers.ofString());
                if (next.statusCode() == 200) {
                    break;
                }
            } catch (IOException refused) {
                // not listening yet
            }
            assertTrue(System.nanoTime() - start < Duration.ofSeconds(30).toNanos(), "no 200 within 30 s:\n" + server.log());
            Thread.sleep(20);
        }
        Duration took = Duration.ofNanos(System.nanoTime() - start);
        assertTrue(server.process().isAlive(), server.log());
        assertTrue(server.jvm(Duration.ofSeconds(1)).pid() != ended.pid());
        assertTrue(server.log().contains("(restart " + restart + ")"), server.log());
        return took;
    }

    /** Issue 9, point 5: System.exit names the function's frame, and the executions in flight answer 503; then a JVM serves again. */
    @Test
    @Timeout(60)
    void systemExitNamesTheCallerAndAnswersTheExecutionsInFlight() throws Exception {
        int exitLine = lineOf("System.exit(1);");
        try (Scripts.Server server = Scripts.start(misbehaving, scratch.resolve("exit"), Map.of())) {
            ProcessHandle first = server.jvm(Duration.ofSeconds(5));
            CompletableFuture<HttpResponse<String>> beside = executeAsync(server, "sleep:20000");
            server.awaitLog("sleeping 20000 ms", Duration.ofSeconds(15));

            HttpResponse<String> exit = execute(server, "exit");
            HttpResponse<String> inFlight = beside.get(10, TimeUnit.SECONDS);
            for (HttpResponse<String> answer : List.of(exit, inFlight)) {
                assertEquals(503, answer.statusCode(), answer.body());
                JsonObject error = new JsonObject(answer.body());
                assertEquals(503, error.getInteger("code"));
                assertTrue(error.getString("message").contains("the function called System.exit"), answer.body());
            }

            server.awaitLog("the server ended (exit status 1)", Duration.ofSeconds(15));
            String log = server.log();
            Matcher named = Pattern.compile("The function called System.exit on thread function-\\d+.*The call came from:\n"
                    + "\tat Index.main\\(Index.java:" + exitLine + "\\)", Pattern.DOTALL).matcher(log);
            assertTrue(named.find(), log);
            assertTrue(log.contains("Answered 2 executions in flight with 503"), log);
            assertServedAgain(server, first, 1);
        }
    }

    record Timed(HttpResponse<String> response, Duration took) {
    }

    private static HttpRequest execution(Scripts.Server server, byte[] body) {
        return HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + server.port() + "/"))
                .header("x-internal-challenge", Scripts.KEY).header("content-type", "application/json")
                .timeout(Duration.ofSeconds(45))
                .POST(HttpRequest.BodyPublishers.ofByteArray(body)).build();
    }

    private static HttpRequest execution(Scripts.Server server, String payload) {
        return execution(server, new JsonObject().put("payload", payload).encode().getBytes(StandardCharsets.UTF_8));
    }

    private static HttpResponse<String> execute(Scripts.Server server, String payload) throws IOException, InterruptedException {
        return HttpClient.newHttpClient().send(execution(server, payload), HttpResponse.BodyHandlers.ofString());
    }

    private static CompletableFuture<HttpResponse<String>> executeAsync(Scripts.Server server, String payload) {
        return HttpClient.newHttpClient().sendAsync(execution(server, payload), HttpResponse.BodyHandlers.ofString());
    }


    /** The server's JVM's peak resident set (VmHWM). */
    private static long peakRssBytes(Scripts.Server server) throws IOException {
        String status = Files.readString(Path.of("/proc/" + server.jvm(Duration.ofSeconds(1)).pid() + "/status"));
        Matcher peak = Pattern.compile("VmHWM:\\s+(\\d+) kB").matcher(status);
        assertTrue(peak.find(), status);
        return Long.parseLong(peak.group(1)) * 1024;
    }

    private static int lineOf(String code) throws IOException {
        Path index = BuildAndStartTest.FUNCTIONS.resolve("misbehaving/Index.java");
        List<String> lines = Files.readAllLines(index);
        for (int i = 0; i < lines.size(); i++) {
            if (lines.get(i).trim().equals(code)) {
                return i + 1;
            }
        }
        throw new AssertionError("no " + code + " in " + index);
    }
}
