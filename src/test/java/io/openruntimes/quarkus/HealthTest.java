package io.openruntimes.quarkus;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;

import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Liveness and readiness for orchestrators: answered without the challenge (they are Vert.x
 * routes, outside the executor's protocol), while every other path keeps the contract's answers.
 */
@QuarkusTest
class HealthTest {

    @ParameterizedTest
    @ValueSource(strings = {"/q/health/live", "/q/health/ready", "/q/health/started", "/q/health"})
    void healthIsUpWithoutTheChallenge(String path) {
        given().get(path).then().statusCode(200).contentType("application/json").body("status", equalTo("UP"));
        given().header("x-internal-challenge", "wrong").get(path).then().statusCode(200);
    }

    @Test
    void readinessIncludesTheShutdownCheck() {
        // Quarkus's check, installed by quarkus.shutdown.delay-enabled: DOWN once SIGTERM arrives.
        given().get("/q/health/ready").then().statusCode(200).body("checks.name", hasItem("Graceful Shutdown"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"/elsewhere", "/q/elsewhere", "/q/health-not"})
    void otherPathsStillAnswerTheContracts404(String path) {
        SeedCases.withKey(ExecutionContractTest.KEY).get(path)
                .then().statusCode(404).contentType("application/json")
                .body("code", equalTo(404)).body("message", equalTo("Not found"));
    }

    @Test
    void executionsStillNeedTheChallenge() {
        given().body("{}").post("/").then().statusCode(401).body("message", equalTo("Unauthorized"));
        given().get("/q/elsewhere").then().statusCode(401);
    }
}
