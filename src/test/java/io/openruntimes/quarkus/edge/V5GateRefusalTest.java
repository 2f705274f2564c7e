package io.openruntimes.quarkus.edge;

import io.openruntimes.quarkus.v5.V5Profile;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import java.util.Map;

@QuarkusTest
@TestProfile(V5GateRefusalTest.OneAtATime.class)
class V5GateRefusalTest extends GateRefusalCases {

    public static class OneAtATime implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            Map<String, String> config = V5Profile.common("io.openruntimes.java.V5ContractFunction", "gate-refusal");
            config.putAll(ONE_AT_A_TIME);
            return config;
        }
    }

    @Override
    String slowExecution(long millis) {
        return "GET /timeout HTTP/1.1\r\nHost: localhost\r\nx-sleep: " + millis + "\r\n\r\n";
    }

    @Override
    String execution(String body) {
        return "POST / HTTP/1.1\r\nHost: localhost\r\nContent-Length: " + body.length() + "\r\n\r\n" + body;
    }

    @Override
    String contentType() {
        return "text/plain; charset=utf-8";
    }
}
