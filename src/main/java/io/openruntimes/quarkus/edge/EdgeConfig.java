package io.openruntimes.quarkus.edge;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/**
 * Which wire protocol this process speaks: openruntimes.protocol (OPENRUNTIMES_PROTOCOL), set by the start scripts
 * (application.properties maps it here). Not a mapping of the whole {@code openruntimes}
 * prefix: that would reject every other {@code openruntimes.*} name as unknown.
 */
@ConfigMapping(prefix = "openruntimes.edge")
public interface EdgeConfig {

    @WithDefault("classic")
    Protocol protocol();
}
