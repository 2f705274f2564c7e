package io.openruntimes.quarkus.v5;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.openruntimes.quarkus.observe.LogCapture;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.restassured.RestAssured;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

/** {@link V5Cases} against the in-process v5 edge, as the `serve` container ({@link V5Profile}). */
@QuarkusTest
@TestProfile(V5Profile.class)
class V5ContractTest extends V5Cases {

    @Override
    protected int port() {
        return RestAssured.port;
    }

    @Override
    protected Path logs() {
        return V5Profile.logs();
    }

    /** Issue 16, point 5: under v5 no access line unless OPENRUNTIMES_ACCESS_LOG=true; errors still logged. */
    @Test
    void noAccessLineByDefaultButTheFunctionsErrorIsLogged() throws InterruptedException {
        try (LogCapture log = LogCapture.start()) {
            given().header("x-open-runtimes-secret", V5Profile.SECRET).header("x-open-runtimes-log-id", "quiet-1")
                    .get("/text").then().statusCode(200);
            given().header("x-open-runtimes-secret", V5Profile.SECRET).header("x-open-runtimes-log-id", "quiet-2")
                    .get("/throw").then().statusCode(500);
            assertEquals(1, log.await(line -> "quiet-2".equals(line.execution()) && line.level().equals("ERROR"), 1).size());
            assertEquals(List.of(), log.lines(line -> line.category().equals("access")));
        }
    }
}
