package io.openruntimes.quarkus.http;

import io.openruntimes.quarkus.edge.EarlyAnswer;
import io.openruntimes.quarkus.edge.EdgeConfig;
import io.openruntimes.quarkus.edge.EdgeGuard;
import io.openruntimes.quarkus.edge.Protocol;
import io.openruntimes.quarkus.edge.SharedSecret;
import io.openruntimes.quarkus.engine.FunctionConfig;
import io.openruntimes.quarkus.observe.ExecutionMetrics;
import io.quarkus.runtime.LaunchMode;
import io.quarkus.runtime.StartupEvent;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Singleton;
import java.util.List;
import org.jboss.logging.Logger;

/**
 * The executor's challenge: {@code x-internal-challenge} must equal INTERNAL_RUNTIME_KEY, or the
 * request is answered 401 from its headers alone, before any byte of its body is read.
 *
 * <p>A Vert.x route ahead of every other (health, and metrics when on, excepted), rather than a
 * Quarkus REST filter: Quarkus REST reads the body before its filters run, so a caller without
 * the key could make the runtime read and hold 20 MiB per request. A refused request whose body
 * is still unread is answered with {@code Connection: close}, and its connection closed.
 *
 * <p>Fails closed: outside dev mode (dev.sh, which starts the runtime with dev tools, or Quarkus
 * dev mode) a missing key stops the server from starting. In dev mode, with no key set, the
 * challenge is off, and the log says so.
 */
@Singleton
public class ChallengeFilter {

    public static final String HEADER = "x-internal-challenge";
    /** Quarkus's Prometheus endpoint: open like health when metrics are on, 404 when they are off. */
    static final String METRICS = "/q/metrics";
    private static final Logger LOG = Logger.getLogger(ChallengeFilter.class);

    /**
     * Set once the runtime configuration is known (the route itself is built before it is).
     * Until then every request is refused.
     */
    private volatile SharedSecret key;
    private volatile boolean open;
    private volatile boolean metrics;

    void installKey(@Observes StartupEvent event, HttpConfig config, EdgeConfig edge, ExecutionMetrics meters,
            FunctionConfig function) {
        if (edge.protocol() != Protocol.CLASSIC) {
            return; // another edge answers every request, with its own secret
        }
        metrics = meters.on();
        if (config.key().isPresent()) {
            key = new SharedSecret(config.key().get());
            return;
        }
        // dev.sh serves through dev tools, on loopback unless a key is set.
        if (LaunchMode.current() != LaunchMode.DEVELOPMENT && function.devTools().isEmpty()) {
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

    void install(@Observes Router router, EdgeConfig edge, EdgeGuard guard) {
        if (edge.protocol() != Protocol.CLASSIC) {
            return;
        }
        guard.speak(ErrorSchema.FORM);
        router.route().order(Integer.MIN_VALUE).handler(this::challenge);
    }

    private void challenge(RoutingContext context) {
        String path = context.request().path();
        boolean isMetrics = METRICS.equals(path);
        if (isHealth(path) || isMetrics && metrics) {
            context.next();
        } else if (!accepts(context.request().headers().getAll(HEADER))) {
            EarlyAnswer.send(context, 401, ErrorSchema.FORM, "Unauthorized");
        } else if (isMetrics) {
            EarlyAnswer.send(context, 404, ErrorSchema.FORM,
                    "Metrics are off: OPENRUNTIMES_METRICS=true turns them on");
        } else {
            context.next();
        }
    }

    /** Liveness and readiness are for orchestrators, and metrics for scrapers, which do not know the key. */
    private static boolean isHealth(String path) {
        return path != null && (path.equals("/q/health") || path.startsWith("/q/health/"));
    }

    /** Whether a request whose {@value #HEADER} header is {@code given} (or null) may be answered. */
    public boolean accepts(String given) {
        return accepts(given == null ? List.of() : List.of(given));
    }

    /** Whether a request with these {@value #HEADER} values (once, and right) may be answered. */
    public boolean accepts(List<String> given) {
        if (open) {
            return true;
        }
        SharedSecret key = this.key;
        return key != null && key.matchesOnly(given);
    }
}
