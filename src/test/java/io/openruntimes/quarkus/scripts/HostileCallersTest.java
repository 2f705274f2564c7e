package io.openruntimes.quarkus.scripts;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.openruntimes.quarkus.RawHttp;
import io.vertx.core.json.JsonObject;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 9's server points against the runtime as start.sh starts it, with the heap of a 512 MiB
 * container: callers without the key flooding it with chunked bodies (point 1), slow and idle
 * connections (point 7), and a seeded fuzz of the HTTP edge over raw sockets.
 */
class HostileCallersTest {

    static final Duration HEADER_TIMEOUT = Duration.ofSeconds(2);
    static final Duration KEEP_ALIVE_TIMEOUT = Duration.ofSeconds(3);

    @TempDir
    static Path scratch;
    static Scripts.Server server;

    @BeforeAll
    static void start() {
        Scripts.Build build = Scripts.build(BuildAndStartTest.FUNCTIONS.resolve("hello"), "Index.java", scratch);
        assertEquals(0, build.exitCode(), build.output());
        server = Scripts.start(build, scratch, Map.of(
                "OPENRUNTIMES_MEMORY_LIMIT", MemoryAndExitTest.MIB_512,
                "OPENRUNTIMES_HTTP_HEADER_TIMEOUT", HEADER_TIMEOUT.toSeconds() + "s",
                "OPENRUNTIMES_HTTP_KEEP_ALIVE_TIMEOUT", KEEP_ALIVE_TIMEOUT.toSeconds() + "s"));
        executionAnswers(); // warm: the timings below are about the edge, not the first call
    }

    @AfterAll
    static void stop() {
        if (server != null) {
            server.close();
        }
    }

    static RawHttp connect(Duration readTimeout) {
        return new RawHttp(server.port(), readTimeout);
    }

    /** A normal execution answers 200, promptly; returns how long it took. */
    static Duration executionAnswers() {
        long start = System.nanoTime();
        try (RawHttp http = connect(Duration.ofSeconds(10))) {
            RawHttp.Answer answer = http.send("POST / HTTP/1.1\r\nHost: localhost\r\nx-internal-challenge: " + Scripts.KEY
                    + "\r\nContent-Length: 2\r\n\r\n{}").read(false);
            assertEquals(200, answer.status(), answer.text());
            assertEquals("Hello, world!", new JsonObject(answer.text()).getString("message"));
        }
        return Duration.ofNanos(System.nanoTime() - start);
    }

    static long residentKiB() throws Exception {
        for (String line : Files.readAllLines(Path.of("/proc/" + server.jvm(Duration.ofSeconds(5)).pid() + "/status"))) {
            if (line.startsWith("VmRSS:")) {
                return Long.parseLong(line.replaceAll("\\D", ""));
            }
        }
        throw new AssertionError("no VmRSS for the server");
    }

    // Point 1: 32 callers without the key, each with a 20 MiB chunked body, crashed a 512 MiB runtime.

    @Test
    @Timeout(120)
    void keylessChunkedBodiesAreNeitherReadNorHeld() throws Exception {
        long before = residentKiB();
        ExecutorService pool = Executors.newFixedThreadPool(32);
        try {
            List<Future<?>> callers = new ArrayList<>();
            for (int i = 0; i < 32; i++) {
                callers.add(pool.submit(() -> {
                    try (RawHttp http = connect(Duration.ofSeconds(10))) {
                        http.send("POST / HTTP/1.1\r\nHost: localhost\r\nTransfer-Encoding: chunked\r\n\r\n");
                        RawHttp.Answer answer = http.read(false); // before any body byte was sent
                        assertEquals(401, answer.status(), answer.text());
                        assertEquals("close", answer.header("connection"));
                        // The caller goes on sending its 20 MiB; the server has hung up on it.
                        byte[] chunk = ("100000\r\n" + " ".repeat(0x100000) + "\r\n").getBytes(StandardCharsets.US_ASCII);
                        try {
                            for (int c = 0; c < 20; c++) {
                                http.send(chunk);
                            }
                        } catch (UncheckedIOException hungUp) {
                            return; // what should happen
                        }
                        assertTrue(http.closedWithin(Duration.ofSeconds(5)), "the connection stayed open");
                    }
                    return;
                }));
            }
            for (Future<?> caller : callers) {
                caller.get(60, TimeUnit.SECONDS);
            }
        } finally {
            pool.shutdownNow();
        }
        assertTrue(server.process().isAlive(), server.log());
        long after = residentKiB();
        System.out.printf("keyless flood: RSS %d MiB before, %d MiB after%n", before / 1024, after / 1024);
        assertTrue(after - before < 100 * 1024, "resident memory grew by " + (after - before) / 1024 + " MiB");
        executionAnswers();
    }

    // Point 7: slow and idle clients.

    @Test
    @Timeout(60)
    void aClientTricklingItsHeadersIsDroppedWithoutDelayingOthers() throws Exception {
        ExecutorService pool = Executors.newSingleThreadExecutor();
        try {
            long start = System.nanoTime();
            Future<RawHttp.Answer> trickler = pool.submit(() -> {
                try (RawHttp http = connect(Duration.ofSeconds(20))) {
                    try {
                        for (char c : "POST / HTTP/1.1\r\nHost: localhost\r\nX-Slow: yes\r\n\r\n".toCharArray()) {
                            http.send(String.valueOf(c));
                            Thread.sleep(1000);
                        }
                    } catch (UncheckedIOException dropped) {
                        // the server hung up while the headers were still coming: read what it said
                    }
                    return http.read(false);
                }
            });
            for (int i = 0; i < 5; i++) {
                Thread.sleep(200);
                Duration took = executionAnswers();
                assertTrue(took.toMillis() < 2000, "an execution took " + took + " while a client trickled");
            }
            RawHttp.Answer answer = trickler.get(20, TimeUnit.SECONDS);
            long millis = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start);
            assertEquals(408, answer.status(), answer.text());
            assertEquals(408, new JsonObject(answer.text()).getInteger("code"));
            assertTrue(millis >= HEADER_TIMEOUT.toMillis() && millis < HEADER_TIMEOUT.toMillis() + 4000, "dropped after " + millis + " ms");
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    @Timeout(60)
    void idleConnectionsAreClosedAfterTheKeepAliveTimeout() {
        try (RawHttp http = connect(Duration.ofMillis(500))) {
            http.send("POST / HTTP/1.1\r\nHost: localhost\r\nx-internal-challenge: " + Scripts.KEY + "\r\nContent-Length: 0\r\n\r\n");
            assertEquals(200, http.read(false).status());
            long idle = System.nanoTime();
            assertTrue(http.closedWithin(Duration.ofSeconds(15)), "an idle keep-alive connection stayed open");
            long millis = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - idle);
            assertTrue(millis >= KEEP_ALIVE_TIMEOUT.toMillis() - 500 && millis < KEEP_ALIVE_TIMEOUT.toMillis() + 4000,
                    "closed after " + millis + " ms");
        }
        try (RawHttp http = connect(Duration.ofMillis(500))) {
            assertTrue(http.closedWithin(Duration.ofSeconds(15)), "a connection that never sent anything stayed open");
        }
        // Within the timeout, a kept-alive connection serves the next execution.
        try (RawHttp http = connect(Duration.ofSeconds(5))) {
            for (int i = 0; i < 3; i++) {
                http.send("POST / HTTP/1.1\r\nHost: localhost\r\nx-internal-challenge: " + Scripts.KEY + "\r\nContent-Length: 0\r\n\r\n");
                assertEquals(200, http.read(false).status());
            }
        }
    }

    // The fuzz: never a crash, never a hang, always the schema (or the function's answer).

    @Test
    @Timeout(180)
    void fuzzedRequestsAreAnsweredInTheSchemaOrClosed() throws Exception {
        int errorsBefore = errorLines();
        EdgeFuzz.run("edge fuzz", server.port(), EdgeFuzz.Dialect.classic(Scripts.KEY), HostileCallersTest::check);
        assertTrue(server.process().isAlive(), "the server died:\n" + server.log());
        executionAnswers();
        assertEquals(errorsBefore, errorLines(), "the fuzz made the server log errors:\n" + server.log());
    }

    private static void check(RawHttp.Answer answer, int answers, EdgeFuzz.Case fuzzed, long seed) {
        boolean head = fuzzed.head(answers - 1);
        String where = " (seed " + seed + ", case " + fuzzed.index() + "): " + answer.status() + " " + answer.headers() + " "
                + answer.text() + "\nfor:\n" + fuzzed.printable();
        int status = answer.status();
        if (answer.body().length == 0 && (head || status == 204)) {
            return;
        }
        if (status == 200) {
            // The function's answer, or a health check's (the fuzz targets /q/health too).
            assertTrue(answer.text().startsWith("{\"message\":\"Hello, ") || answer.text().startsWith("Hello, ")
                    || answer.text().contains("\"status\": \"UP\""), "not the function's answer" + where);
            return;
        }
        assertEquals("application/json", answer.header("content-type"), "not the error schema" + where);
        JsonObject body;
        try {
            body = new JsonObject(answer.text());
        } catch (RuntimeException e) {
            throw new AssertionError("not JSON" + where);
        }
        assertEquals(status, body.getInteger("code"), "code is not the status" + where);
        assertNotNull(body.getString("message"), "no message" + where);
        assertFalse(body.containsKey("details") || body.containsKey("stack"), "Quarkus's error page" + where);
    }

    private static int errorLines() {
        return (int) server.log().lines().filter(line -> line.contains(" ERROR ")).count();
    }
}
