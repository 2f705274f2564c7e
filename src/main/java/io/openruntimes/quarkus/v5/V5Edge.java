package io.openruntimes.quarkus.v5;

import io.openruntimes.quarkus.edge.Edge;
import io.openruntimes.quarkus.edge.ErrorForm;
import io.openruntimes.quarkus.edge.ExecutionGate;
import io.openruntimes.quarkus.edge.ExecutionTrace;
import io.openruntimes.quarkus.edge.Protocol;
import io.openruntimes.quarkus.edge.SharedSecret;
import io.openruntimes.quarkus.edge.Speaks;
import io.openruntimes.quarkus.engine.ExecutionIds;
import io.openruntimes.quarkus.engine.FunctionOutput;
import io.openruntimes.quarkus.observe.ExecutionMetrics;
import io.openruntimes.quarkus.observe.ExecutionObserver;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import jakarta.inject.Singleton;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.Set;
import org.jboss.logging.Logger;

/**
 * Today's Open Runtimes protocol ("v5"): every method and path is the function's.
 *
 * <p>One Vert.x route, first of all routes, answers every request (Quarkus REST, where the
 * classic edge's resource is, never sees one). The checks run in this order, each on the
 * request's headers alone: the internal endpoints, the method, the secret, the timeout, the log
 * id; then the shared gate admits the execution and reads its body ({@link ExecutionGate}), and
 * the execution starts ({@link Executions}).
 */
@Singleton
@Speaks(Protocol.V5)
public class V5Edge implements Edge {

    static final String SECRET = "x-open-runtimes-secret";
    static final String TIMEOUT = "x-open-runtimes-timeout";
    static final String LOGGING = "x-open-runtimes-logging";
    static final String LOG_ID = "x-open-runtimes-log-id";
    static final String UNAUTHORIZED = "Unauthorized. Provide correct \"x-open-runtimes-secret\" header.";
    static final String BAD_TIMEOUT = "Header \"x-open-runtimes-timeout\" must be an integer greater than 0.";
    static final String BAD_LOG_ID = "Header \"x-open-runtimes-log-id\" may only hold the characters A-Z, a-z, 0-9, '_', '-' "
            + "and '.', and not \"..\": it names the execution's log files.";
    private static final Set<HttpMethod> FUNCTION_METHODS = Set.of(HttpMethod.GET, HttpMethod.POST, HttpMethod.PUT,
            HttpMethod.DELETE, HttpMethod.PATCH, HttpMethod.OPTIONS, HttpMethod.HEAD);
    private static final Logger LOG = Logger.getLogger(V5Edge.class);

    private final V5Config config;
    private final V5Function function;
    private final ExecutionGate gate;
    private final ExecutionObserver observer;
    private final ExecutionMetrics metrics;

    public V5Edge(V5Config config, V5Function function, ExecutionGate gate, ExecutionObserver observer,
            ExecutionMetrics metrics) {
        this.config = config;
        this.function = function;
        this.gate = gate;
        this.observer = observer;
        this.metrics = metrics;
    }

    @Override
    public ErrorForm errorForm() {
        return ErrorForm.TEXT;
    }

    /** Off: v5's executor never reads the standard output (it has each execution's log files), while Docker keeps every line of it. */
    @Override
    public boolean accessLogByDefault() {
        return false;
    }

    @Override
    public void install(Router router) {
        FunctionOutput.install();
        Path logs = Path.of(config.logsDir());
        try {
            Files.createDirectories(logs);
        } catch (java.io.IOException e) {
            LOG.errorf("The logs folder %s cannot be created (%s): executions with logging on will fail", logs, e);
        }
        Map<String, String> enforced = EnforcedHeaders.parse(config.headers());
        Executions executions = new Executions(function, logs, enforced);
        InternalEndpoints internal = new InternalEndpoints(Path.of(config.telemetryDir(), "timings.txt"), metrics.scrape());
        Handler handler = new Handler(config, internal, executions, gate, observer);
        router.route().order(Integer.MIN_VALUE).handler(handler);
        LOG.infof("Speaking Open Runtimes v5: secret %s, logs in %s, %d enforced header(s)",
                config.secret().isPresent() ? "required" : "off", logs, enforced.size());
    }

    @Override
    public void listening() {
        ServerStarted.tell(config);
    }

    private static final class Handler implements io.vertx.core.Handler<RoutingContext> {

        /** {@code null}: every request passes (an empty OPEN_RUNTIMES_SECRET). */
        private final SharedSecret secret;
        private final boolean development;
        private final InternalEndpoints internal;
        private final Executions executions;
        private final ExecutionGate gate;
        private final ExecutionObserver observer;

        Handler(V5Config config, InternalEndpoints internal, Executions executions, ExecutionGate gate,
                ExecutionObserver observer) {
            this.secret = config.secret().map(SharedSecret::new).orElse(null);
            this.development = "development".equals(config.env());
            this.internal = internal;
            this.executions = executions;
            this.gate = gate;
            this.observer = observer;
        }

        @Override
        public void handle(RoutingContext context) {
            HttpServerRequest request = context.request();
            String path = request.path();
            if (internal.answers(request, path)) {
                return;
            }
            HttpMethod method = request.method();
            if (!FUNCTION_METHODS.contains(method)) {
                Answers.refuse(request, 404, "Endpoint " + method.name() + " " + path + " not found");
                return;
            }
            if (secret != null && !secret.matchesOnly(request.headers().getAll(SECRET))) {
                Answers.refuse(request, 401, UNAUTHORIZED);
                return;
            }
            // An execution from here on; a caller without the secret never makes a log line.
            ExecutionTrace trace = ExecutionTrace.begin(context, observer);
            Duration timeout;
            try {
                timeout = timeout(request.getHeader(TIMEOUT));
            } catch (NumberFormatException e) {
                Answers.refuse(request, 500, BAD_TIMEOUT);
                return;
            }
            String logId = logId(request);
            if (logId == null) {
                Answers.refuse(request, 400, BAD_LOG_ID);
                return;
            }
            if (!logId.isEmpty()) {
                trace.id(logId);
            }
            gate.enter(context, ErrorForm.TEXT, body -> executions.start(request, timeout, logId, trace, body));
        }


        /** {@code null} for none; refuses (NumberFormatException) anything but a positive integer. */
        private static Duration timeout(String header) {
            if (header == null || header.isEmpty()) {
                return null;
            }
            int seconds = Integer.parseInt(header.trim());
            if (seconds <= 0) {
                throw new NumberFormatException("not positive: " + seconds);
            }
            return Duration.ofSeconds(seconds);
        }

        /** {@code ""} with logging off; {@code null} for an id that cannot be a file name. */
        private String logId(HttpServerRequest request) {
            String logging = request.getHeader(LOGGING);
            if (logging != null && !logging.isEmpty() && !logging.equals("enabled")) {
                return "";
            }
            String given = request.getHeader(LOG_ID);
            if (given != null && !given.isEmpty()) {
                return LogIds.safe(given) ? given : null;
            }
            return development ? "dev" : ExecutionIds.fresh();
        }
    }
}
