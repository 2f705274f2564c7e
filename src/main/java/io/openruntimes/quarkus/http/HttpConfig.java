package io.openruntimes.quarkus.http;

import io.smallrye.config.ConfigMapping;
import java.util.Optional;

/** The HTTP edge's settings. */
@ConfigMapping(prefix = "openruntimes.http")
public interface HttpConfig {

    /** The executor's shared secret (INTERNAL_RUNTIME_KEY); empty means unset. */
    Optional<String> key();
}
