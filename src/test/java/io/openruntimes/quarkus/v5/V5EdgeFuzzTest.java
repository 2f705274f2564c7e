package io.openruntimes.quarkus.v5;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.openruntimes.quarkus.RawHttp;
import io.openruntimes.quarkus.scripts.EdgeFuzz;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.restassured.RestAssured;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * The seeded fuzz of the edge (HostileCallersTest's, for the classic edge) against the v5 edge,
 * in v5's framing: never a hang, never a server error but the protocol's own (a bad timeout
 * header), every answer the function's or the edge's text.
 */
@QuarkusTest
@TestProfile(V5Profile.class)
class V5EdgeFuzzTest {

    @Test
    @Timeout(180)
    void fuzzedRequestsAreAnsweredInTheProtocolsFormOrClosed() throws Exception {
        long seed = Long.getLong("fuzz.seed", System.nanoTime());
        int count = Integer.getInteger("fuzz.requests", 3000);
        System.out.println("v5 edge fuzz: " + count + " connections, seed " + seed + " (replay with -Dfuzz.seed=" + seed + ")");
        List<EdgeFuzz.Case> cases = new EdgeFuzz(seed, EdgeFuzz.Dialect.v5(V5Profile.SECRET)).cases(count);
        long start = System.nanoTime();
        ExecutorService pool = Executors.newFixedThreadPool(4);
        int answers = 0;
        try {
            List<Future<Integer>> results = new ArrayList<>();
            for (EdgeFuzz.Case fuzzed : cases) {
                results.add(pool.submit(() -> EdgeFuzz.exchange(RestAssured.port, fuzzed, seed, V5EdgeFuzzTest::check)));
            }
            for (Future<Integer> result : results) {
                answers += result.get(60, TimeUnit.SECONDS);
            }
        } finally {
            pool.shutdownNow();
        }
        System.out.printf("v5 edge fuzz: %d connections, %d answers, %.1f s%n", count, answers, (System.nanoTime() - start) / 1e9);
        try (RawHttp http = new RawHttp(RestAssured.port, java.time.Duration.ofSeconds(10))) {
            RawHttp.Answer after = http.send("GET /text HTTP/1.1\r\nHost: localhost\r\nx-open-runtimes-secret: " + V5Profile.SECRET
                    + "\r\n\r\n").read(false);
            assertEquals(200, after.status(), after.text());
        }
    }

    private static void check(RawHttp.Answer answer, int answers, EdgeFuzz.Case fuzzed, long seed) {
        String where = " (seed " + seed + ", case " + fuzzed.index() + "): " + answer.status() + " " + answer.headers() + " "
                + answer.text() + "\nfor:\n" + fuzzed.printable();
        int status = answer.status();
        if (answer.header("x-open-runtimes-log-id") != null) {
            assertTrue(status < 500, "the function failed" + where);
            return; // the function's answer: its status, headers and body are its own
        }
        boolean head = fuzzed.head(answers - 1);
        if (status >= 500 && status != 505) { // 505: the guard's answer to another HTTP version than 1.0 and 1.1
            assertEquals(500, status, "a server error" + where);
            assertEquals(head ? "" : V5Edge.BAD_TIMEOUT, answer.text(), "a server error" + where);
        }
        String type = answer.header("content-type");
        assertTrue(type != null && type.startsWith("text/plain"), "not the edge's text" + where);
        assertFalse(answer.body().length == 0 && !head, "an empty refusal" + where);
    }
}
