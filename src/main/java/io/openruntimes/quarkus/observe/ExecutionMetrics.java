package io.openruntimes.quarkus.observe;

import io.openruntimes.quarkus.engine.Admission;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Singleton;
import java.util.function.Supplier;
import org.jboss.logging.Logger;

/**
 * Whether executions are metered, and the meters when they are.
 *
 * <p>Metrics need a build with them (OPENRUNTIMES_METRICS=true at build time switches Quarkus's
 * Micrometer extension on) and a start that asks for them. Off at build time (the default), the
 * extension is not in the served application at all: a Micrometer registry, even unused, was
 * 30 ms of every cold start (docs/performance.md). With metrics off, no meter is registered and
 * {@link #record} is never called, so an execution pays nothing either. Quarkus's own binders
 * (HTTP server, JVM) stay off: its HTTP binder would time every request.
 */
@Singleton
public class ExecutionMetrics {

    private static final Logger LOG = Logger.getLogger(ExecutionMetrics.class);

    /** {@code null}: metrics are off, and neither this class nor Micrometer's is ever loaded. */
    private final PrometheusMeters meters;

    public ExecutionMetrics(ObserveConfig config, Instance<io.micrometer.core.instrument.MeterRegistry> registry,
            Admission admission) {
        if (config.metrics() && registry.isResolvable()) {
            meters = new PrometheusMeters(registry.get(), admission);
        } else {
            meters = null;
            if (config.metrics()) {
                LOG.warn("OPENRUNTIMES_METRICS=true, but this build has no metrics: build it with"
                        + " OPENRUNTIMES_METRICS=true too (metrics stay off)");
            }
        }
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
