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

    public static final String SECRET = "test-secret-key";
    /** OPEN_RUNTIMES_HEADERS: mixed-case names, an x-open-runtimes- one, a number to stringify. */
    public static final String HEADERS = "{\"x-custom\":\"value\",\"X-CUSTOM-UPPERCASE\":\"Value2\",\"x-open-runtimes-custom\":248}";
    static final Path ROOT = Path.of("target/v5-edge").toAbsolutePath();
    static final Path TELEMETRY = ROOT.resolve("telemetry");
    public static final String SEEDED_TIMINGS = "local_download=0.200\nremote_download=10.560\n";

    @Override
    public Map<String, String> getConfigOverrides() {
        Map<String, String> config = common("io.openruntimes.java.V5ContractFunction", "serve");
        config.put("openruntimes.v5.secret", SECRET);
        config.put("openruntimes.v5.headers", HEADERS);
        return config;
    }

    /** The logs folder of the running profile (each profile has its own, emptied as it starts). */
    static Path logs() {
        return Path.of(org.eclipse.microprofile.config.ConfigProvider.getConfig().getValue("openruntimes.v5.logs-dir", String.class));
    }

    public static Map<String, String> common(String entryClass, String name) {
        Path logs = ROOT.resolve(name + "-logs");
        try {
            if (Files.exists(logs)) {
                try (var files = Files.list(logs)) {
                    for (Path file : files.toList()) {
                        Files.delete(file);
                    }
                }
            }
            Files.createDirectories(logs);
            Files.createDirectories(TELEMETRY);
            Files.writeString(TELEMETRY.resolve("timings.txt"), SEEDED_TIMINGS);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        Map<String, String> config = new HashMap<>();
        config.put("openruntimes.edge.protocol", "v5"); // OPENRUNTIMES_PROTOCOL=v5
        config.put("openruntimes.function.class", entryClass);
        config.put("openruntimes.function.entrypoint", entryClass.substring(entryClass.lastIndexOf('.') + 1) + ".java");
        config.put("openruntimes.v5.logs-dir", logs.toString());
        config.put("openruntimes.v5.telemetry-dir", TELEMETRY.toString());
        config.put("openruntimes.v5.start-epoch-ms", Long.toString(System.currentTimeMillis()));
        return config;
    }

    /** As the executor's `serve-secondary`: no secret, OPEN_RUNTIMES_ENV=development, no enforced headers. */
    public static class Development implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            Map<String, String> config = common("io.openruntimes.java.V5ContractFunction", "serve-secondary");
            config.put("openruntimes.v5.env", "development");
            return config;
        }
    }

    /** As `serve-no-export`: an entry class without main(RuntimeContext). */
    public static class NoMain implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            Map<String, String> config = common("io.openruntimes.java.V5NoMain", "serve-no-export");
            config.put("openruntimes.v5.env", "development");
            return config;
        }
    }
}
