package io.openruntimes.quarkus.v5;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.restassured.RestAssured;
import java.nio.file.Path;

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
}
