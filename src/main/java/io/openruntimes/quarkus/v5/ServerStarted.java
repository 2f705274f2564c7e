package io.openruntimes.quarkus.v5;

import io.openruntimes.quarkus.edge.EdgeConfig;
import io.openruntimes.quarkus.edge.Protocol;
import io.quarkus.vertx.http.HttpServerStart;
import jakarta.enterprise.event.ObservesAsync;
import jakarta.inject.Singleton;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Locale;
import org.jboss.logging.Logger;

/**
 * Tells helpers/start.sh (and the executor's log) that the v5 server answers: once Quarkus's
 * HTTP server is listening, never before (upstream prints it before binding, and requests in
 * the gap fail). Quarkus fires HttpServerStart asynchronously, from the listen callback, once
 * the port is bound. Appends {@code startup=<s>} to timings.txt, measured from OPENRUNTIMES_START_EPOCH_MS.
 */
@Singleton
public class ServerStarted {

    static final String STARTED = "HTTP server successfully started!";
    private static final Logger LOG = Logger.getLogger(ServerStarted.class);

    void listening(@ObservesAsync HttpServerStart event, EdgeConfig edge, V5Config config) {
        if (edge.protocol() != Protocol.V5) {
            return;
        }
        System.out.println(STARTED);
        System.out.flush();
        config.startEpochMs().ifPresent(start -> {
            long millis = Math.max(0, System.currentTimeMillis() - start);
            String line = String.format(Locale.ROOT, "startup=%d.%03d%n", millis / 1000, millis % 1000);
            Path timings = Path.of(config.telemetryDir(), "timings.txt");
            try {
                Files.createDirectories(timings.getParent());
                Files.writeString(timings, line, StandardCharsets.UTF_8, StandardOpenOption.CREATE,
                        StandardOpenOption.APPEND);
            } catch (IOException e) {
                LOG.warnf("Could not append the startup time to %s: %s", timings, e);
            }
        });
    }
}
