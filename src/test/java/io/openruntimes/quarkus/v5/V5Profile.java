package io.openruntimes.quarkus.v5;

import io.quarkus.test.junit.QuarkusTestProfile;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;

/** The v5 edge serving the test function, as the executor's `serve` container: a secret and enforced headers. */
public class V5Profile implements QuarkusTestProfile {

    static final String SECRET = "test-secret-key";
    static final Path ROOT = Path.of("target/v5-edge").toAbsolutePath();
    static final Path LOGS = ROOT.resolve("logs");
    static final Path TELEMETRY = ROOT.resolve("telemetry");
    static final String SEEDED_TIMINGS = "local_download=0.200\nremote_download=10.560\n";

    @Override
    public Map<String, String> getConfigOverrides() {
        Map<String, String> config = common("io.openruntimes.java.V5ContractFunction");
        config.put("openruntimes.v5.secret", SECRET);
        config.put("openruntimes.v5.headers", "{\"x-custom\":\"value\",\"X-CUSTOM-UPPERCASE\":\"Value2\",\"x-open-runtimes-custom\":248}");
        return config;
    }

    static Map<String, String> common(String entryClass) {
        try {
            Files.createDirectories(LOGS);
            Files.createDirectories(TELEMETRY);
            Files.writeString(TELEMETRY.resolve("timings.txt"), SEEDED_TIMINGS);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        Map<String, String> config = new HashMap<>();
        config.put("openruntimes.protocol", "v5");
        config.put("openruntimes.function.class", entryClass);
        config.put("openruntimes.function.entrypoint", entryClass.substring(entryClass.lastIndexOf('.') + 1) + ".java");
        config.put("openruntimes.v5.logs-dir", LOGS.toString());
        config.put("openruntimes.v5.telemetry-dir", TELEMETRY.toString());
        config.put("openruntimes.v5.start-epoch-ms", Long.toString(System.currentTimeMillis()));
        return config;
    }

    /** As the executor's `serve-secondary`: no secret, OPEN_RUNTIMES_ENV=development, no enforced headers. */
    public static class Development implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            Map<String, String> config = common("io.openruntimes.java.V5ContractFunction");
            config.put("openruntimes.v5.env", "development");
            return config;
        }
    }

    /** As `serve-no-export`: an entry class without main(RuntimeContext). */
    public static class NoMain implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            Map<String, String> config = common("io.openruntimes.java.V5NoMain");
            config.put("openruntimes.v5.env", "development");
            return config;
        }
    }
}
