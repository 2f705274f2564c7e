package io.openruntimes.quarkus.edge;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** Which wire protocol this process speaks (OPENRUNTIMES_PROTOCOL, set by the start scripts). */
@ConfigMapping(prefix = "openruntimes")
public interface EdgeConfig {

    @WithDefault("classic")
    Protocol protocol();
}
