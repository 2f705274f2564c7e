package io.openruntimes.quarkus.v5;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import org.junit.jupiter.api.Test;

/** As the executor's `serve-secondary`: an empty secret lets everything through; the log id is `dev`. */
@QuarkusTest
@TestProfile(V5Profile.Development.class)
class V5DevelopmentTest {

    @Test
    void anEmptySecretLetsEveryRequestThrough() {
        given().get("/text").then().statusCode(200).body(equalTo("hello ✓"));
        given().header("x-open-runtimes-secret", "anything").get("/text").then().statusCode(200);
    }

    @Test
    void theDefaultLogIdIsDevAndItsFilesAreShared() throws Exception {
        given().get("/log").then().statusCode(200).header("x-open-runtimes-log-id", "dev");
        given().get("/log").then().statusCode(200).header("x-open-runtimes-log-id", "dev");
        assertTrue(V5Http.errors("dev").lines().filter(l -> l.equals("bad 7")).count() >= 2);
    }

    @Test
    void anExplicitLogIdStillWins() {
        given().header("x-open-runtimes-log-id", "mine").get("/text").then().header("x-open-runtimes-log-id", "mine");
    }

    @Test
    void noEnforcedHeaders() {
        given().get("/echo").then().body("headers.x-custom", equalTo(null));
    }
}
