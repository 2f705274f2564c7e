package io.openruntimes.quarkus.edge;

import java.util.Map;
import java.util.Set;
import org.eclipse.microprofile.config.spi.ConfigSource;

/**
 * One Vert.x event loop per CPU the process may use, instead of Quarkus's two: the executor gives
 * a runtime a CPU quota (1 CPU by default), and the JVM's count of processors follows it (cgroup
 * v1 and v2), rounded up.
 *
 * <p>Quarkus sizes its event loops for handlers that may block them a little; ours never do (a
 * function runs on a thread of its own, see engine/Invoker). A second loop on one CPU only adds
 * wake-ups: each connection accepted on one loop and served on the other wakes it, and the two
 * take turns on the same CPU. In a container at the executor's limits, one loop served about a
 * fifth more executions a second than two, on new connections and keep-alive ones alike
 * (docs/performance.md).
 *
 * <p>A default only: below application.properties, so {@code QUARKUS_VERTX_EVENT_LOOPS_POOL_SIZE}
 * or {@code -Dquarkus.vertx.event-loops-pool-size} still decide.
 */
public final class EventLoopsPerCpu implements ConfigSource {

    static final String EVENT_LOOPS = "quarkus.vertx.event-loops-pool-size";

    @Override
    public Set<String> getPropertyNames() {
        return Set.of(EVENT_LOOPS);
    }

    @Override
    public Map<String, String> getProperties() {
        return Map.of(EVENT_LOOPS, getValue(EVENT_LOOPS));
    }

    @Override
    public String getValue(String name) {
        // Asked when Vert.x starts, not when the class archive or a native image is made.
        return EVENT_LOOPS.equals(name) ? Integer.toString(Runtime.getRuntime().availableProcessors()) : null;
    }

    @Override
    public String getName() {
        return "openruntimes-event-loops-per-cpu";
    }

    @Override
    public int getOrdinal() {
        return 200; // under application.properties (250), environment variables (300) and system properties (400)
    }
}
