package io.openruntimes.quarkus.observe;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** What an operator sees of the executions, beyond the function's own output. */
@ConfigMapping(prefix = "openruntimes.observe")
public interface ObserveConfig {

    /** One log line per execution: its status, outcome, duration and bytes (OPENRUNTIMES_ACCESS_LOG). */
    @WithDefault("true")
    boolean accessLog();

    /**
     * Executions' meters, scraped at /q/metrics (classic) or /__opr/metrics (v5) without the
     * secret, like the health paths (OPENRUNTIMES_METRICS).
     */
    @WithDefault("false")
    boolean metrics();
}
