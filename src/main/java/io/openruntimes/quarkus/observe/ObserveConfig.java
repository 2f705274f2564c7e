package io.openruntimes.quarkus.observe;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.util.Optional;

/** What an operator sees of the executions, beyond the function's own output. */
@ConfigMapping(prefix = "openruntimes.observe")
public interface ObserveConfig {

    /**
     * One log line per execution: its status, outcome, duration and bytes (OPENRUNTIMES_ACCESS_LOG).
     * Unset: on under the classic protocol, off under v5, whose executor never reads the standard
     * output (it has each execution's log files) while Docker keeps every line of it.
     */
    Optional<Boolean> accessLog();

    /**
     * How many times supervise.sh restarted the server before this start (OPENRUNTIMES_RESTARTS),
     * counted in the metrics.
     */
    @WithDefault("0")
    int restarts();

    /** Created once the server listens, for supervise.sh (OPENRUNTIMES_READY_FILE; see {@link ReadyMarker}). */
    Optional<String> readyFile();

    /**
     * Executions' meters, scraped at /q/metrics (classic) or /__opr/metrics (v5) without the
     * secret, like the health paths (OPENRUNTIMES_METRICS).
     */
    @WithDefault("false")
    boolean metrics();
}
