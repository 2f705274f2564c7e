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
import io.openruntimes.quarkus.engine.Admission;
import jakarta.annotation.PreDestroy;
import jakarta.inject.Singleton;
import java.time.Duration;
import java.util.EnumMap;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * The executions' meters, registered only when metrics are on: with them off (the default)
 * nothing is registered and {@link #record} is never called, so an execution pays nothing.
 *
 * <p>Quarkus's own binders (HTTP server, JVM) are off at build time: the HTTP binder would time
 * every request, metrics on or off. With metrics on, the JVM's memory, GC, thread and CPU
 * meters are bound here instead, at run time.
 */
@Singleton
public class ExecutionMetrics {

    /** Buckets of the duration histogram: a function's answer in a millisecond up to the 900 s ceiling. */
    private static final Duration[] BUCKETS = {Duration.ofMillis(1), Duration.ofMillis(2), Duration.ofMillis(5),
        Duration.ofMillis(10), Duration.ofMillis(25), Duration.ofMillis(50), Duration.ofMillis(100),
        Duration.ofMillis(250), Duration.ofMillis(500), Duration.ofSeconds(1), Duration.ofMillis(2500),
        Duration.ofSeconds(5), Duration.ofSeconds(10), Duration.ofSeconds(30), Duration.ofSeconds(60),
        Duration.ofSeconds(300), Duration.ofSeconds(900)};

    private final boolean on;
    private final Map<Outcome, Counter> executions = new EnumMap<>(Outcome.class);
    private final Map<Outcome, Timer> durations = new EnumMap<>(Outcome.class);
    private final DistributionSummary requestBodies;
    private final DistributionSummary responseBodies;
    private final JvmGcMetrics gc;

    public ExecutionMetrics(ObserveConfig config, MeterRegistry registry, Admission admission) {
        this.on = config.metrics();
        if (!on) {
            requestBodies = null;
            responseBodies = null;
            gc = null;
            return;
        }
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
        new JvmMemoryMetrics().bindTo(registry);
        new JvmThreadMetrics().bindTo(registry);
        new ProcessorMetrics().bindTo(registry);
        new UptimeMetrics().bindTo(registry);
        gc = new JvmGcMetrics();
        gc.bindTo(registry);
    }

    public boolean on() {
        return on;
    }

    /** Counts one ended execution; only called when {@link #on()}. */
    void record(Outcome outcome, long nanos, long bytesIn, long bytesOut) {
        executions.get(outcome).increment();
        durations.get(outcome).record(nanos, TimeUnit.NANOSECONDS);
        requestBodies.record(bytesIn);
        responseBodies.record(bytesOut);
    }

    @PreDestroy
    void close() {
        if (gc != null) {
            gc.close();
        }
    }
}
