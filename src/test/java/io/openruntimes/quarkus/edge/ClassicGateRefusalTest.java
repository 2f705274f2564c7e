package io.openruntimes.quarkus.edge;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import java.util.Map;

@QuarkusTest
@TestProfile(ClassicGateRefusalTest.OneAtATime.class)
class ClassicGateRefusalTest extends GateRefusalCases {

    public static class OneAtATime implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return ONE_AT_A_TIME;
        }
    }

    @Override
    String slowExecution(long millis) {
        return execution("{\"payload\":\"sleep:" + millis + "\"}");
    }

    @Override
    String execution(String body) {
        return "POST / HTTP/1.1\r\nHost: localhost\r\nx-internal-challenge: test-secret\r\nContent-Length: " + body.length()
                + "\r\n\r\n" + body;
    }

    @Override
    String contentType() {
        return "application/json";
    }
}
