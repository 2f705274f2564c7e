package io.openruntimes.quarkus;

import static org.hamcrest.Matchers.allOf;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Row "entrypoint class missing": the server starts anyway and answers 404 naming what is missing. */
@QuarkusTest
@TestProfile(MissingEntrypointTest.Missing.class)
class MissingEntrypointTest {

    public static class Missing implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("openruntimes.function.class", "com.example.Gone", "openruntimes.function.entrypoint", "src/Gone.java");
        }
    }

    @Test
    void answersNotFoundNamingTheEntrypoint() {
        ExecutionContractTest.executor().body("{}").post("/")
                .then().statusCode(404).contentType("application/json")
                .body("code", equalTo(404))
                .body("message", allOf(containsString("com.example.Gone"), containsString("src/Gone.java"),
                        containsString("cannot be loaded")));
    }

    @Test
    void stillChecksTheChallengeFirst() {
        SeedCases.withKey("wrong").body("{}").post("/").then().statusCode(401);
    }
}
