package io.openruntimes.quarkus.v5;

import io.openruntimes.java.RuntimeContext;
import io.openruntimes.java.RuntimeLogger;
import io.openruntimes.java.RuntimeOutput;
import io.openruntimes.java.RuntimeResponse;
import io.openruntimes.quarkus.edge.ConnectionLoop;
import io.openruntimes.quarkus.edge.ExecutionTrace;
import io.openruntimes.quarkus.engine.ExecutionFailure;
import io.openruntimes.quarkus.observe.Outcome;
import io.vertx.core.http.HttpServerRequest;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import org.jboss.logging.Logger;

/**
 * One v5 execution from its checked request to its answer: opens its log files, runs the
 * function, writes what went wrong and the native output into the files, closes them, and
 * answers on the request's event loop.
 */
final class Executions {

    static final String RETURN_MISSING = "Return statement missing. return context.res.empty() if no response is expected.";
    static final String TIMED_OUT = "Execution timed out.";
    private static final Logger LOG = Logger.getLogger(Executions.class);
    /** Stateless: one for every execution. */
    private static final RuntimeResponse RESPONSE = new RuntimeResponse();

    private final V5Function function;
    private final Path logs;
    private final Map<String, String> enforced;

    Executions(V5Function function, Path logs, Map<String, String> enforced) {
        this.function = function;
        this.logs = logs;
        this.enforced = enforced;
    }

    /** @param logId {@code ""} when logging is off */
    void start(HttpServerRequest request, Duration timeout, String logId, ExecutionTrace trace, byte[] body) {
        RuntimeLogger logger;
        try {
            logger = logId.isEmpty() ? RuntimeLogger.disabled() : RuntimeLogger.open(logs, logId);
        } catch (IOException | RuntimeException e) {
            LOG.errorf("The log files of execution %s cannot be opened in %s: %s", logId, logs, e);
            Answers.failure(request, 500, logId);
            return;
        }
        NativeOutput capture = logger.isEnabled() ? new NativeOutput() : NativeOutput.DISCARD;
        RuntimeContext context = new RuntimeContext(RequestFields.of(request, body, enforced), RESPONSE, logger);
        ConnectionLoop.backOn(function.execute(trace.id(), context, capture, timeout).handle((output, failure) -> {
            trace.outcome(Outcome.of(failure));
            int status = failure == null ? 0 : record(logger, failure);
            logger.nativeLogs(capture.close());
            // Closed now, at the end or at the deadline: a runaway's later lines are dropped.
            logger.close();
            return new Ended(output, status);
        })).thenAccept(ended -> answer(request, ended.output(), ended.status(), logId));
    }

    /** The function's output, or {@code null} and the status that says why there is none. */
    private record Ended(RuntimeOutput output, int status) {
    }

    /** Writes why there is no output into the errors file; returns the status that says so. */
    private static int record(RuntimeLogger logger, Throwable failure) {
        Throwable cause = ExecutionFailure.unwrap(failure);
        if (!(cause instanceof ExecutionFailure execution)) {
            logger.error(cause.toString());
            return 500;
        }
        switch (execution.kind()) {
            case NO_RESPONSE -> logger.error(RETURN_MISSING);
            case TIMED_OUT -> logger.error(TIMED_OUT);
            default -> logger.error(execution.getMessage());
        }
        return switch (execution.kind()) {
            case ENTRYPOINT_UNAVAILABLE, SHUTTING_DOWN -> 503;
            default -> 500;
        };
    }

    private static void answer(HttpServerRequest request, RuntimeOutput output, int status, String logId) {
        if (output == null) {
            Answers.failure(request, status, logId);
            return;
        }
        try {
            Answers.output(request, output, logId);
        } catch (RuntimeException e) { // a status or header Vert.x cannot send
            LOG.errorf("The function's output of execution %s cannot be sent: %s", logId, e);
            if (!request.response().headWritten()) {
                request.response().headers().clear();
                Answers.failure(request, 500, logId);
            }
        }
    }
}
