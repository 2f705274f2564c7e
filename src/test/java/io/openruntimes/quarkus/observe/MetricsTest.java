package io.openruntimes.quarkus.observe;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.restassured.http.ContentType;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * With metrics on, a scripted mix of executions is counted by outcome, timed and sized at /q/metrics;
 * the restarts supervise.sh made before this start (OPENRUNTIMES_RESTARTS, here 2) are counted too.
 */
@QuarkusTest
@TestProfile(MetricsTest.MetricsOn.class)
class MetricsTest {

    public static class MetricsOn implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("openruntimes.observe.metrics", "true", "openruntimes.observe.restarts", "2");
        }
    }

    private static final String KEY = "test-secret";

    private static void execute(String body, int status) {
        given().header("x-internal-challenge", KEY).contentType(ContentType.JSON).body(body).post("/")
                .then().statusCode(status);
    }

    @Test
    void countsEveryOutcomeOfAScriptedMix() throws InterruptedException {
        execute("{\"payload\":\"hello\"}", 200);
        execute("{\"payload\":\"status:503\"}", 503); // the function's own 503 is an answer
        execute("{\"payload\":\"record\"}", 201);
        execute("{\"payload\":\"throw:counted\"}", 500);
        execute("{\"payload\":\"null\"}", 500);
        execute("{\"payload\":\"sleep:3000\",\"timeout\":1}", 500);
        execute("{\"payload\":", 400);
        given().contentType(ContentType.JSON).body("{}").post("/").then().statusCode(401); // not an execution

        String metrics = scrape("openruntimes_executions_total{outcome=\"refused\"} 1.0");
        assertEquals(3.0, value(metrics, "openruntimes_executions_total{outcome=\"answered\"}"), metrics);
        assertEquals(2.0, value(metrics, "openruntimes_executions_total{outcome=\"threw\"}"), metrics);
        assertEquals(1.0, value(metrics, "openruntimes_executions_total{outcome=\"timed_out\"}"), metrics);
        assertEquals(1.0, value(metrics, "openruntimes_executions_total{outcome=\"refused\"}"), metrics);

        assertEquals(1.0, value(metrics, "openruntimes_execution_duration_seconds_count{outcome=\"timed_out\"}"));
        assertTrue(value(metrics, "openruntimes_execution_duration_seconds_sum{outcome=\"timed_out\"}") >= 1.0, metrics);
        assertEquals(0.0, value(metrics, "openruntimes_execution_duration_seconds_bucket{outcome=\"timed_out\",le=\"0.5\"}"),
                "a histogram: the timed-out execution is above 0.5 s");
        assertEquals(1.0, value(metrics, "openruntimes_execution_duration_seconds_bucket{outcome=\"timed_out\",le=\"2.5\"}"));

        assertEquals(7.0, value(metrics, "openruntimes_request_body_bytes_count"), metrics);
        assertEquals("{\"payload\":\"hello\"}".length() + "{\"payload\":\"status:503\"}".length()
                + "{\"payload\":\"record\"}".length() + "{\"payload\":\"throw:counted\"}".length()
                + "{\"payload\":\"null\"}".length() + "{\"payload\":\"sleep:3000\",\"timeout\":1}".length()
                + "{\"payload\":".length(), value(metrics, "openruntimes_request_body_bytes_sum"), 0.0);
        assertTrue(value(metrics, "openruntimes_response_body_bytes_sum") > 0, metrics);
        assertEquals(0.0, value(metrics, "openruntimes_executions_in_flight"), metrics);
        assertEquals(2.0, value(metrics, "openruntimes_restarts_total"), metrics);
        assertTrue(metrics.contains("jvm_memory_used_bytes"), "the JVM's meters too");
        assertTrue(!metrics.contains("http_server_requests"), "no meter of Quarkus's HTTP binder");
        assertTrue(!metrics.contains("\nft_"), "no meter of SmallRye Fault Tolerance's, recorded on every deadline: " + metrics);
    }

    @Test
    void theMetricsPathNeedsNoKey() {
        given().get("/q/metrics").then().statusCode(200).body(containsString("openruntimes_executions_total"));
    }

    /** The scrape, once it shows {@code line} (an access line follows the answer by a moment). */
    private static String scrape(String line) throws InterruptedException {
        String metrics = "";
        for (int i = 0; i < 100 && !metrics.contains(line); i++) {
            Thread.sleep(i == 0 ? 0 : 50);
            metrics = given().get("/q/metrics").then().statusCode(200).extract().asString();
        }
        return metrics;
    }

    private static double value(String metrics, String series) {
        Matcher matcher = Pattern.compile("(?m)^" + Pattern.quote(series) + " (\\S+)$").matcher(metrics);
        if (!matcher.find()) {
            throw new AssertionError("no " + series + " in:\n" + metrics);
        }
        return Double.parseDouble(matcher.group(1));
    }
}
