package io.openruntimes.quarkus.v5;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.emptyString;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import org.junit.jupiter.api.Test;

/** contract-v5 4.8 / 6.1: an entry class without main(RuntimeContext) starts, and answers 503. */
@QuarkusTest
@TestProfile(V5Profile.NoMain.class)
class V5MissingEntrypointTest {

    @Test
    void everyExecutionIs503WithTheReasonInTheErrorLog() throws Exception {
        given().header("x-open-runtimes-log-id", "nomain").get("/")
                .then().statusCode(503).body(emptyString()).header("x-open-runtimes-log-id", "nomain");
        String errors = V5Http.errors("nomain");
        assertTrue(errors.contains("V5NoMain") && errors.contains("main(RuntimeContext context)"), errors);
    }

    @Test
    void healthStillAnswers() {
        given().get("/__opr/health").then().statusCode(200);
    }
}
