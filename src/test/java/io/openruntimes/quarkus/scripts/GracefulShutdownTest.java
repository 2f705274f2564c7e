package io.openruntimes.quarkus.scripts;

import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * SIGTERM on a server started by start.sh: readiness turns DOWN, new executions are refused,
 * running ones finish, and the process exits within the grace period (quarkus.shutdown.timeout),
 * even when a function ignores interrupts.
 */
class GracefulShutdownTest {

    @TempDir
    static Path scratch;
    static Scripts.Build slow;

    @BeforeAll
    static void buildTheSlowFunction() {
        slow = Scripts.buildTestFunction("slow", scratch.resolve("slow"));
    }

    @Test
    void aRunningExecutionFinishesAfterSigtermThenTheProcessExits() throws Exception {
        try (Scripts.Server server = Scripts.start(slow, scratch.resolve("finishes"), Map.of())) {
            // Ready before; this first request also pays the HTTP client's start-up, which must not eat the window below.
            server.request().get("/q/health/ready").then().statusCode(200);
            CompletableFuture<HttpResponse<String>> running = executeAsync(server, "3000");
            server.awaitLog("sleeping 3000 ms", Duration.ofSeconds(10));

            long sigterm = System.nanoTime();
            server.process().destroy();

            awaitNotReady(server);
            server.request().body("{\"payload\":\"0\"}").post("/")
                    .then().statusCode(503).contentType("application/json")
                    .body("code", equalTo(503)).body("message", containsString("shutting down"));

            HttpResponse<String> answer = running.get(10, TimeUnit.SECONDS);
            assertEquals(200, answer.statusCode(), answer.body());
            assertEquals("slept 3000 ms", answer.body());

            assertTrue(server.process().waitFor(8, TimeUnit.SECONDS), "still running 8 s after SIGTERM:\n" + server.log());
            Duration exit = Duration.ofNanos(System.nanoTime() - sigterm);
            assertTrue(exit.toMillis() < 8_000, "took " + exit);
        }
    }

    @Test
    void aFunctionDeafToInterruptsDelaysExitByTheGracePeriodOnly() throws Exception {
        try (Scripts.Server server = Scripts.start(slow, scratch.resolve("deaf"), Map.of("QUARKUS_SHUTDOWN_TIMEOUT", "2s"))) {
            CompletableFuture<HttpResponse<String>> running = executeAsync(server, "60000");
            server.awaitLog("sleeping 60000 ms", Duration.ofSeconds(10));

            long sigterm = System.nanoTime();
            server.process().destroy();

            assertTrue(server.process().waitFor(10, TimeUnit.SECONDS), "still running 10 s after SIGTERM:\n" + server.log());
            Duration exit = Duration.ofNanos(System.nanoTime() - sigterm);
            // The 2 s grace, then a second for the function pool (Invoker), then the JVM exits.
            assertTrue(exit.toMillis() >= 1_900 && exit.toMillis() < 6_000, "took " + exit + ":\n" + server.log());
            assertTrue(server.log().contains("Timed out waiting for graceful shutdown"), server.log());
            // Cut, not answered: the grace period is a bound, not a promise.
            assertThrows(ExecutionException.class, () -> running.get(5, TimeUnit.SECONDS));
        }
    }

    private static CompletableFuture<HttpResponse<String>> executeAsync(Scripts.Server server, String payload) {
        HttpRequest request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + server.port() + "/"))
                .header("x-internal-challenge", Scripts.KEY).header("content-type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("{\"payload\":\"" + payload + "\"}")).build();
        return HttpClient.newHttpClient().sendAsync(request, HttpResponse.BodyHandlers.ofString());
    }


    private static void awaitNotReady(Scripts.Server server) {
        long deadline = System.nanoTime() + Duration.ofSeconds(2).toNanos();
        int status;
        do {
            try {
                status = server.request().get("/q/health/ready").statusCode();
            } catch (Exception e) {
                throw new AssertionError("readiness did not answer after SIGTERM: " + e + "\n" + server.log(), e);
            }
            if (status == 503) {
                return;
            }
            Scripts.sleep(20);
        } while (System.nanoTime() < deadline);
        throw new AssertionError("readiness still answers " + status + " 2 s after SIGTERM:\n" + server.log());
    }
}
