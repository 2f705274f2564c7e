package io.openruntimes.quarkus.http;

import io.openruntimes.quarkus.edge.EdgeConfig;
import io.openruntimes.quarkus.edge.Protocol;
import io.quarkus.runtime.LaunchMode;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Singleton;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.core.Response;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import org.jboss.logging.Logger;
import org.jboss.resteasy.reactive.server.ServerRequestFilter;

/**
 * The executor's challenge: {@code x-internal-challenge} must equal INTERNAL_RUNTIME_KEY, or the
 * request is answered 401 before any resource code runs.
 *
 * <p>Fails closed: outside dev mode a missing key stops the server from starting. In dev mode,
 * with no key set, the challenge is off, and the log says so.
 */
@Singleton
public class ChallengeFilter {

    public static final String HEADER = "x-internal-challenge";
    private static final Logger LOG = Logger.getLogger(ChallengeFilter.class);

    /**
     * Set once the runtime configuration is known (the filter itself is built at static init,
     * before it is). Until then every request is refused.
     */
    private volatile byte[] key;
    private volatile boolean open;

    void installKey(@Observes StartupEvent event, HttpConfig config, EdgeConfig edge) {
        if (edge.protocol() != Protocol.CLASSIC) {
            return; // another edge answers every request, with its own secret
        }
        if (config.key().isPresent()) {
            key = config.key().get().getBytes(StandardCharsets.UTF_8);
            return;
        }
        if (LaunchMode.current() != LaunchMode.DEVELOPMENT) {
            throw new IllegalStateException(
                    "INTERNAL_RUNTIME_KEY is not set (or empty): refusing to serve executions without the challenge");
        }
        open = true;
        LOG.warn("""

                ********************************************************************
                *  INTERNAL_RUNTIME_KEY is not set: the x-internal-challenge check  *
                *  is OFF. Fine for local development; never expose this server.   *
                ********************************************************************""");
    }

    @ServerRequestFilter(preMatching = true)
    public Response challenge(ContainerRequestContext request) {
        return accepts(request.getHeaderString(HEADER)) ? null : Errors.of(401, "Unauthorized");
    }

    /** Whether a request whose {@value #HEADER} header is {@code given} (or null) may be answered. */
    public boolean accepts(String given) {
        if (open) {
            return true;
        }
        byte[] key = this.key;
        // MessageDigest.isEqual takes the same time wherever the first difference is.
        return key != null && given != null && MessageDigest.isEqual(key, given.getBytes(StandardCharsets.UTF_8));
    }
}
