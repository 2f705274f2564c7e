package io.openruntimes.quarkus.edge;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.openruntimes.quarkus.RawHttp;
import io.openruntimes.quarkus.engine.Admission;
import io.restassured.RestAssured;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.Test;

/**
 * The shared gate's refusal, the same on both edges: with one execution at a time and one
 * running, the next is answered 503 with {@code Retry-After: 1} in the edge's error form from its
 * headers, its body is read and dropped, and its connection serves the next execution.
 */
abstract class GateRefusalCases {

    /** One execution at a time. */
    static final Map<String, String> ONE_AT_A_TIME = Map.of("openruntimes.max-concurrent-executions", "1");

    /** A request that runs for {@code millis}. */
    abstract String slowExecution(long millis);

    /** A request whose headers announce {@code body}, and the body. */
    abstract String execution(String body);

    abstract String contentType();

    @Inject
    Admission admission;

    @Test
    void aRefusalIs503WithRetryAfterItsBodyDroppedAndItsConnectionKept() throws Exception {
        CompletableFuture<RawHttp.Answer> slow = CompletableFuture.supplyAsync(() -> {
            try (RawHttp http = new RawHttp(RestAssured.port, Duration.ofSeconds(10))) {
                return http.send(slowExecution(2000)).read(false);
            }
        });
        for (int wait = 0; wait < 100 && admission.executionsInFlight() == 0; wait++) {
            Thread.sleep(100); // until the slow one holds the only permit
        }
        assertEquals(1, admission.executionsInFlight(), "the slow execution never started");
        try (RawHttp http = new RawHttp(RestAssured.port, Duration.ofSeconds(10))) {
            RawHttp.Answer refused = http.send(execution("{\"payload\":\"" + "x".repeat(1000) + "\"}")).read(false);
            assertEquals(503, refused.status(), refused.text());
            assertEquals("1", refused.header("retry-after"));
            assertEquals(contentType(), refused.header("content-type"));
            assertTrue(refused.text().contains("retry later"), refused.text());
            assertEquals(200, slow.get().status());
            // The same connection serves the next execution once the permit is back (given back as
            // the slow answer ends, which the caller may see a moment before the server does).
            RawHttp.Answer next = http.send(execution("{}")).read(false);
            for (int retry = 0; retry < 20 && next.status() == 503; retry++) {
                Thread.sleep(100);
                next = http.send(execution("{}")).read(false);
            }
            assertEquals(200, next.status(), "the refused request's body was not dropped: " + next.text());
        }
    }
}
