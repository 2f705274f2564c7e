package io.openruntimes.quarkus.edge;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/**
 * Which wire protocol this process speaks: openruntimes.protocol (OPENRUNTIMES_PROTOCOL), set by
 * the start scripts, which application.properties maps here. Read once, by {@link ProtocolSwitch}.
 */
@ConfigMapping(prefix = "openruntimes.edge")
public interface EdgeConfig {

    @WithDefault("classic")
    Protocol protocol();
}
