package io.openruntimes.quarkus.edge;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.smallrye.config.PropertiesConfigSource;
import io.smallrye.config.SmallRyeConfig;
import io.smallrye.config.SmallRyeConfigBuilder;
import java.util.Map;
import java.util.ServiceLoader;
import org.eclipse.microprofile.config.spi.ConfigSource;
import org.junit.jupiter.api.Test;

/**
 * The event loops' default, one per CPU the process may use, and who overrides it. That a real
 * container at one CPU gets one loop is ContainerImageTest's row.
 */
class EventLoopsPerCpuTest {

    private static final String KEY = EventLoopsPerCpu.EVENT_LOOPS;

    @Test
    void theDefaultIsOneLoopPerCpu() {
        assertEquals(Runtime.getRuntime().availableProcessors(), config().getValue(KEY, Integer.class));
    }

    @Test
    void applicationPropertiesOverrideIt() {
        assertEquals(3, config(new PropertiesConfigSource(Map.of(KEY, "3"), "application.properties", 250))
                .getValue(KEY, Integer.class));
    }

    @Test
    void anEnvironmentVariableOverridesIt() {
        assertEquals(5, config(new PropertiesConfigSource(Map.of(KEY, "5"), "environment", 300))
                .getValue(KEY, Integer.class));
    }

    @Test
    void itNamesNothingElse() {
        assertEquals(null, new EventLoopsPerCpu().getValue("quarkus.vertx.worker-pool-size"));
    }

    @Test
    void configFindsItThroughServiceLoader() {
        assertTrue(ServiceLoader.load(ConfigSource.class).stream().anyMatch(source -> source.type() == EventLoopsPerCpu.class));
    }

    private static SmallRyeConfig config(ConfigSource... others) {
        return new SmallRyeConfigBuilder().withSources(new EventLoopsPerCpu()).withSources(others).build();
    }
}
