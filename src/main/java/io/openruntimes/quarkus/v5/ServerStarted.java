package io.openruntimes.quarkus.v5;

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
 * the gap fail): {@link V5Edge#listening()}, which Quarkus's HttpServerStart reaches once the
 * port is bound (edge/ProtocolSwitch). Appends {@code startup=<s>} to timings.txt, measured from OPENRUNTIMES_START_EPOCH_MS.
 */
final class ServerStarted {

    static final String STARTED = "HTTP server successfully started!";
    private static final Logger LOG = Logger.getLogger(ServerStarted.class);

    private ServerStarted() {
    }

    static void tell(V5Config config) {
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
