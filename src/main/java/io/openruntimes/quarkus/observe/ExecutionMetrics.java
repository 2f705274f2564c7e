package io.openruntimes.quarkus.observe;

import io.micrometer.core.instrument.MeterRegistry;
import io.openruntimes.quarkus.engine.Admission;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Singleton;
import java.util.function.Supplier;

/**
 * Whether executions are metered (OPENRUNTIMES_METRICS, read at start), and the meters when they are.
 *
 * <p>With metrics off (the default), no meter is registered and {@link #record} is never called,
 * so an execution pays nothing; the meters' class, and Micrometer's builders with it, is not even
 * loaded. Quarkus's own binders (HTTP server, JVM) stay off: its HTTP binder would time every
 * request, metrics on or off.
 */
@Singleton
public class ExecutionMetrics {

    /** {@code null}: metrics are off, and PrometheusMeters is never loaded. */
    private final PrometheusMeters meters;

    public ExecutionMetrics(ObserveConfig config, Instance<MeterRegistry> registry, Admission admission) {
        // Instance: the registry (and the Prometheus one in it) is only looked up when asked for.
        meters = config.metrics() ? new PrometheusMeters(registry.get(), admission, config.restarts()) : null;
    }

    public boolean on() {
        return meters != null;
    }

    /** Counts one ended execution; only called when {@link #on()}. */
    void record(Outcome outcome, long nanos, long bytesIn, long bytesOut) {
        meters.record(outcome, nanos, bytesIn, bytesOut);
    }

    /** Prometheus's text format of every meter, or {@code null} when metrics are off. */
    public Supplier<String> scrape() {
        return meters == null ? null : meters::scrape;
    }

    @PreDestroy
    void close() {
        if (meters != null) {
            meters.close();
        }
    }
}
