package io.openruntimes.quarkus.v5;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.openruntimes.quarkus.RawHttp;
import io.openruntimes.quarkus.scripts.EdgeFuzz;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.restassured.RestAssured;
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
        EdgeFuzz.run("v5 edge fuzz", RestAssured.port, EdgeFuzz.Dialect.v5(V5Profile.SECRET), V5EdgeFuzzTest::check);
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
