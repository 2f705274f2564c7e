package io.openruntimes.quarkus.http;

import io.openruntimes.quarkus.edge.EarlyAnswer;
import io.openruntimes.quarkus.edge.SharedSecret;
import io.openruntimes.quarkus.engine.FunctionConfig;
import io.openruntimes.quarkus.observe.ExecutionMetrics;
import io.quarkus.runtime.LaunchMode;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import jakarta.inject.Singleton;
import java.util.List;
import org.jboss.logging.Logger;

/**
 * The executor's challenge: {@code x-internal-challenge} must equal INTERNAL_RUNTIME_KEY, or the
 * request is answered 401 from its headers alone, before any byte of its body is read.
 *
 * <p>A Vert.x route ahead of every other (health, and metrics when on, excepted). A pre-matching
 * Quarkus REST filter would also decide before any body byte is read (Quarkus REST pauses the
 * request as it takes it), but the gate must come after the challenge, and behind a REST filter
 * the gate and the body read move into Quarkus REST too: see the README's "The classic edge" for
 * why that is not done yet. A refused request whose body is still unread is answered with
 * {@code Connection: close}, and its connection closed.
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

    private final HttpConfig config;
    private final ExecutionMetrics meters;
    private final FunctionConfig function;
    /**
     * Set by {@link #install}, which only the classic edge calls: until then every request is refused.
     */
    private volatile SharedSecret key;
    private volatile boolean open;
    private volatile boolean metrics;

    public ChallengeFilter(HttpConfig config, ExecutionMetrics meters, FunctionConfig function) {
        this.config = config;
        this.meters = meters;
        this.function = function;
    }

    /** Fails the start when there is no key outside dev mode; the route goes ahead of every other. */
    void install(Router router) {
        metrics = meters.on();
        router.route().order(Integer.MIN_VALUE).handler(this::challenge);
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

    /** Whether a request with these {@value #HEADER} values (once, and right) may be answered. */
    public boolean accepts(List<String> given) {
        return open || key != null && key.matchesOnly(given);
    }
}
