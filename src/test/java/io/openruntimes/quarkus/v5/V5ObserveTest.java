package io.openruntimes.quarkus.v5;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.openruntimes.quarkus.observe.LogCapture;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * What an operator sees of v5 executions: the executor's log id is the execution's id in the
 * server's log, and with metrics on they are scraped at /__opr/metrics without the secret (every
 * other path is the function's).
 */
@QuarkusTest
@TestProfile(V5ObserveTest.MetricsOn.class)
class V5ObserveTest {

    public static class MetricsOn implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            Map<String, String> config = V5Profile.common("io.openruntimes.java.V5ContractFunction", "observe");
            config.put("openruntimes.v5.secret", V5Profile.SECRET);
            config.put("openruntimes.observe.metrics", "true");
            config.put("openruntimes.observe.access-log", "true"); // OPENRUNTIMES_ACCESS_LOG=true: off by default under v5
            return config;
        }
    }

    @Test
    void theLogIdIsTheExecutionsIdAndMetricsCountIt() throws InterruptedException {
        try (LogCapture log = LogCapture.start()) {
            given().header("x-open-runtimes-secret", V5Profile.SECRET).header("x-open-runtimes-log-id", "observe-1")
                    .get("/text").then().statusCode(200);
            given().header("x-open-runtimes-secret", V5Profile.SECRET).header("x-open-runtimes-log-id", "observe-2")
                    .get("/throw").then().statusCode(500);
            given().get("/text").then().statusCode(401); // not an execution
            given().header("x-open-runtimes-secret", V5Profile.SECRET).header("x-open-runtimes-log-id", "../up")
                    .get("/text").then().statusCode(400);

            List<LogCapture.Line> first = log.await(line -> line.category().equals("access")
                    && "observe-1".equals(line.execution()), 1);
            assertEquals(1, first.size(), first.toString());
            assertTrue(first.get(0).message().startsWith("GET /text 200 answered "), first.get(0).message());
            List<LogCapture.Line> second = log.await(line -> "observe-2".equals(line.execution()), 2);
            assertTrue(second.stream().anyMatch(line -> line.level().equals("ERROR")
                    && line.message().startsWith("The function threw")), "the exception, once, with the id: " + second);
            assertTrue(second.stream().anyMatch(line -> line.message().startsWith("GET /throw 500 threw ")), second.toString());
            assertEquals(1, log.await(line -> line.category().equals("access")
                    && line.message().startsWith("GET /text 400 refused"), 1).size());
            assertEquals(List.of(), log.lines(line -> line.message().contains(" 401 ")), "a caller without the secret: no line");
        }
        given().get("/__opr/metrics").then().statusCode(200)
                .header("Content-Type", containsString("text/plain"))
                .body(containsString("openruntimes_executions_total{outcome=\"answered\",} 1.0"))
                .body(containsString("openruntimes_executions_total{outcome=\"threw\",} 1.0"))
                .body(containsString("openruntimes_executions_total{outcome=\"refused\",} 1.0"));
    }
}
