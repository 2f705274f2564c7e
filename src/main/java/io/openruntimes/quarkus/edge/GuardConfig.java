package io.openruntimes.quarkus.edge;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;

/** How long a connection may take to send a request, and to start the next one. */
@ConfigMapping(prefix = "openruntimes.http")
public interface GuardConfig {

    /**
     * From a request's first byte to the end of its headers (OPENRUNTIMES_HTTP_HEADER_TIMEOUT). An
     * executor sends its headers at once; a caller that trickles them is answered 408 and dropped.
     */
    @WithDefault("5s")
    Duration headerTimeout();

    /**
     * How long a connection may wait for its next request, from its opening or from the end of the
     * last answer, before it is closed (OPENRUNTIMES_HTTP_KEEP_ALIVE_TIMEOUT). Longer than an
     * executor keeps an idle connection in its pool, so that the executor is the one that closes it.
     */
    @WithDefault("60s")
    Duration keepAliveTimeout();
}
