package io.openruntimes.quarkus;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.restassured.specification.RequestSpecification;
import java.util.Map;

/** The seed's six executor cases, in-process: the seed function compiled in, todos served locally. */
@QuarkusTest
@TestProfile(SeedFunctionTest.Seed.class)
@QuarkusTestResource(value = SeedFunctionTest.Todos.class, restrictToAnnotatedClass = true)
class SeedFunctionTest extends SeedCases {

    public static class Seed implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("openruntimes.function.class", "Index", "openruntimes.function.entrypoint", "Index.java");
        }
    }

    /** The seed function reads JSONPLACEHOLDER_URL from system properties when run in-process. */
    public static class Todos implements QuarkusTestResourceLifecycleManager {
        private TodoStandIn todos;

        @Override
        public Map<String, String> start() {
            todos = new TodoStandIn();
            System.setProperty("JSONPLACEHOLDER_URL", todos.baseUrl());
            return Map.of();
        }

        @Override
        public void stop() {
            System.clearProperty("JSONPLACEHOLDER_URL");
            todos.close();
        }
    }

    @Override
    protected RequestSpecification executor() {
        return withKey(ExecutionContractTest.KEY);
    }
}
