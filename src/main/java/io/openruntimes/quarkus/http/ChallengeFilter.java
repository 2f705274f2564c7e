package io.openruntimes.quarkus.http;

import io.openruntimes.quarkus.edge.EarlyAnswer;
import io.openruntimes.quarkus.edge.SharedSecret;
import io.openruntimes.quarkus.engine.FunctionConfig;
import io.openruntimes.quarkus.observe.ExecutionMetrics;
import io.openruntimes.quarkus.observe.MetricsEndpoint;
import io.quarkus.runtime.LaunchMode;
import io.vertx.core.http.HttpServerRequest;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.core.Response;
import java.util.List;
import org.jboss.logging.Logger;
import org.jboss.resteasy.reactive.server.ServerRequestFilter;

/**
 * The executor's challenge: {@code x-internal-challenge} must equal INTERNAL_RUNTIME_KEY, or the
 * request is answered 401 from its headers alone, before any byte of its body is read.
 *
 * <p>A pre-matching Quarkus REST filter, the first of them: Quarkus REST pauses a request as it
 * takes it and runs pre-matching filters before it matches a resource or reads a body, so this
 * one sees the headers and not a byte of the body. A refused request whose body is still unread
 * is answered with {@code Connection: close}, and its connection closed ({@link EarlyAnswer}).
 *
 * <p>It sees what Quarkus REST serves, which is every path but the routes Quarkus puts ahead of
 * it: its health endpoints, open to orchestrators, and its Prometheus endpoint, there only when
 * metrics are on ({@link MetricsEndpoint} disables it otherwise, so {@value #METRICS} comes here
 * and is answered 404 with the key). Application scoped: Quarkus REST looks its filters up as it
 * deploys, before the configuration this one needs is there, and a client proxy defers it.
 *
 * <p>Fails closed: outside dev mode (dev.sh, which starts the runtime with dev tools, or Quarkus
 * dev mode) a missing key stops the server from starting. In dev mode, with no key set, the
 * challenge is off, and the log says so.
 */
@ApplicationScoped
public class ChallengeFilter {

    public static final String HEADER = "x-internal-challenge";
    /** Quarkus's Prometheus endpoint: open like health when metrics are on, 404 with the key when they are off. */
    static final String METRICS = MetricsEndpoint.PATH;
    private static final Logger LOG = Logger.getLogger(ChallengeFilter.class);

    private final HttpConfig config;
    private final ExecutionMetrics meters;
    private final FunctionConfig function;
    /**
     * Set by {@link #install}, which only the classic edge calls: until then every request is
     * refused (under v5, Quarkus REST never sees one).
     */
    private volatile SharedSecret key;
    private volatile boolean open;
    private volatile boolean metrics;

    public ChallengeFilter(HttpConfig config, ExecutionMetrics meters, FunctionConfig function) {
        this.config = config;
        this.meters = meters;
        this.function = function;
    }

    /** Fails the start when there is no key outside dev mode. */
    void install() {
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

    /** {@code null}: the request goes on; else the answer Quarkus REST gives instead. */
    @ServerRequestFilter(preMatching = true, priority = Priorities.AUTHENTICATION)
    public Response challenge(HttpServerRequest request) {
        String path = request.path();
        boolean isMetrics = METRICS.equals(path);
        if (isHealth(path) || isMetrics && metrics) {
            return null;
        } else if (!accepts(request.headers().getAll(HEADER))) {
            return refuse(request, 401, "Unauthorized");
        } else if (isMetrics) {
            return refuse(request, 404, "Metrics are off: OPENRUNTIMES_METRICS=true turns them on");
        }
        return null;
    }

    private static Response refuse(HttpServerRequest request, int status, String message) {
        EarlyAnswer.closeIfBodyUnread(request);
        return Response.status(status).type(ErrorSchema.FORM.contentType()).entity(ErrorSchema.FORM.body(status, message))
                .build();
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
