package io.openruntimes.quarkus.v5;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.util.Optional;

/**
 * The v5 edge's settings. application.properties maps each to the variable an executor (or
 * helpers/start.sh) sets: OPEN_RUNTIMES_SECRET, OPEN_RUNTIMES_ENV, OPEN_RUNTIMES_HEADERS,
 * OPENRUNTIMES_LOGS_DIR, OPENRUNTIMES_TELEMETRY_DIR, OPENRUNTIMES_START_EPOCH_MS.
 */
@ConfigMapping(prefix = "openruntimes.v5")
public interface V5Config {

    /** Expected in x-open-runtimes-secret; empty or unset: every request passes. */
    Optional<String> secret();

    /** {@code development} makes {@code dev} the log id of executions that name none. */
    @WithDefault("production")
    String env();

    /** A JSON object of headers forced onto every request; empty or invalid: none. */
    Optional<String> headers();

    /** Where {@code <id>_logs.log} and {@code <id>_errors.log} go. */
    @WithDefault("/mnt/logs")
    String logsDir();

    /** Holds timings.txt (/__opr/timings, and the startup= line this process appends). */
    @WithDefault("/mnt/telemetry")
    String telemetryDir();

    /** When helpers/start.sh said "Runtime started." (epoch ms): startup= is measured from it. */
    Optional<Long> startEpochMs();
}
