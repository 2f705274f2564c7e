package io.openruntimes.quarkus.observe;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.DistributionSummary;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.micrometer.core.instrument.binder.jvm.JvmGcMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmMemoryMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmThreadMetrics;
import io.micrometer.core.instrument.binder.system.ProcessorMetrics;
import io.micrometer.core.instrument.binder.system.UptimeMetrics;
import io.micrometer.prometheus.PrometheusMeterRegistry;
import io.openruntimes.quarkus.engine.Admission;
import java.time.Duration;
import java.util.EnumMap;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/** The executions' meters in Quarkus's Micrometer registry, made only when metrics are on ({@link ExecutionMetrics}). */
final class PrometheusMeters implements AutoCloseable {

    /** Buckets of the duration histogram: a function's answer in a millisecond up to the 900 s ceiling. */
    private static final Duration[] BUCKETS = {Duration.ofMillis(1), Duration.ofMillis(2), Duration.ofMillis(5),
        Duration.ofMillis(10), Duration.ofMillis(25), Duration.ofMillis(50), Duration.ofMillis(100),
        Duration.ofMillis(250), Duration.ofMillis(500), Duration.ofSeconds(1), Duration.ofMillis(2500),
        Duration.ofSeconds(5), Duration.ofSeconds(10), Duration.ofSeconds(30), Duration.ofSeconds(60),
        Duration.ofSeconds(300), Duration.ofSeconds(900)};

    private final Map<Outcome, Counter> executions = new EnumMap<>(Outcome.class);
    private final Map<Outcome, Timer> durations = new EnumMap<>(Outcome.class);
    private final DistributionSummary requestBodies;
    private final DistributionSummary responseBodies;
    private final JvmGcMetrics gc = new JvmGcMetrics();
    private final MeterRegistry registry;

    PrometheusMeters(MeterRegistry registry, Admission admission, int restarts) {
        this.registry = registry;
        // A counter that goes on where the last process left it: supervise.sh passes the count on.
        Counter.builder("openruntimes.restarts").description("Times the server was started again after it ended")
                .register(registry).increment(restarts);
        for (Outcome outcome : Outcome.values()) {
            executions.put(outcome, Counter.builder("openruntimes.executions")
                    .description("Executions, by how they ended").tag("outcome", outcome.tag()).register(registry));
            durations.put(outcome, Timer.builder("openruntimes.execution.duration")
                    .description("From the request's headers to the end of its answer").tag("outcome", outcome.tag())
                    .serviceLevelObjectives(BUCKETS).register(registry));
        }
        Gauge.builder("openruntimes.executions.in.flight", admission, Admission::executionsInFlight)
                .description("Executions admitted and not answered yet").register(registry);
        requestBodies = DistributionSummary.builder("openruntimes.request.body").baseUnit("bytes")
                .description("Bytes read of each execution's request").register(registry);
        responseBodies = DistributionSummary.builder("openruntimes.response.body").baseUnit("bytes")
                .description("Body bytes of each execution's answer").register(registry);
        // Quarkus's own JVM binder is off with the others (build time): these are bound here instead.
        new JvmMemoryMetrics().bindTo(registry);
        new JvmThreadMetrics().bindTo(registry);
        new ProcessorMetrics().bindTo(registry);
        new UptimeMetrics().bindTo(registry);
        gc.bindTo(registry);
    }

    void record(Outcome outcome, long nanos, long bytesIn, long bytesOut) {
        executions.get(outcome).increment();
        durations.get(outcome).record(nanos, TimeUnit.NANOSECONDS);
        requestBodies.record(bytesIn);
        responseBodies.record(bytesOut);
    }

    /** Prometheus's text format, for a path of the runtime's own (v5's /__opr/metrics). */
    String scrape() {
        for (MeterRegistry each : registry instanceof io.micrometer.core.instrument.composite.CompositeMeterRegistry composite
                ? composite.getRegistries() : java.util.Set.of(registry)) {
            if (each instanceof PrometheusMeterRegistry prometheus) {
                return prometheus.scrape();
            }
        }
        throw new IllegalStateException("no Prometheus registry in " + registry);
    }

    @Override
    public void close() {
        gc.close();
    }
}
