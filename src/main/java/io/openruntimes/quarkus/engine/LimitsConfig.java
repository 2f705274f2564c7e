package io.openruntimes.quarkus.engine;

import io.quarkus.runtime.configuration.MemorySize;
import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.util.Optional;
import java.util.OptionalInt;

/**
 * How much the process takes on at once, and when a full heap means the process must go.
 * Unset limits are derived from the maximum heap (see {@link Admission}).
 */
@ConfigMapping(prefix = "openruntimes")
public interface LimitsConfig {

    /** Request-body bytes in flight at once (OPENRUNTIMES_MAX_INFLIGHT_BYTES); default an eighth of the heap. */
    Optional<MemorySize> maxInflightBytes();

    /** Executions in flight at once (OPENRUNTIMES_MAX_CONCURRENT_EXECUTIONS); default one per 2 MiB of heap. */
    OptionalInt maxConcurrentExecutions();

    /**
     * After an OutOfMemoryError, the process exits when the old generation still holds more than
     * this share of its maximum after full collections (OPENRUNTIMES_HEAP_UNRECOVERABLE_ABOVE).
     */
    @WithDefault("0.9")
    double heapUnrecoverableAbove();
}
