package io.openruntimes.quarkus.observe;

import io.quarkus.vertx.http.HttpServerStart;
import jakarta.enterprise.event.ObservesAsync;
import jakarta.inject.Singleton;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.jboss.logging.Logger;

/**
 * Tells supervise.sh that this start served: once the HTTP server listens, it creates the file
 * OPENRUNTIMES_READY_FILE names. A first start that ends before that failed to start (no key, a
 * build that does not match), and is not started again: the start script exits with its status.
 */
@Singleton
public class ReadyMarker {

    private static final Logger LOG = Logger.getLogger(ReadyMarker.class);

    void listening(@ObservesAsync HttpServerStart event, ObserveConfig config) {
        config.readyFile().ifPresent(file -> {
            try {
                Files.writeString(Path.of(file), "");
            } catch (IOException e) {
                LOG.warnf("Could not create %s (OPENRUNTIMES_READY_FILE): %s", file, e);
            }
        });
    }
}
