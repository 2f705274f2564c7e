package io.openruntimes.quarkus.edge;

import io.openruntimes.quarkus.engine.ExecutionIds;
import io.openruntimes.quarkus.observe.ExecutionObserver;
import io.openruntimes.quarkus.observe.Outcome;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.ext.web.RoutingContext;

/**
 * One execution as its edge sees it, from its headers to the end of its answer: its id (the
 * log lines' MDC), and the outcome the edge sets as it learns it. When the request ends or its
 * connection closes, the observer gets the execution once. Until the edge says otherwise an
 * execution was {@link Outcome#REFUSED}: every refusal (bad request, no room, shutting down)
 * needs no word of its own.
 */
public final class ExecutionTrace {

    private final long start = System.nanoTime();
    private volatile String id;
    private volatile Outcome outcome = Outcome.REFUSED;

    private ExecutionTrace(String id) {
        this.id = id;
    }

    /**
     * Starts the trace of the execution {@code context} carries, with a fresh id; reports it to
     * {@code observer} at its end when the observer is watching.
     */
    public static ExecutionTrace begin(RoutingContext context, ExecutionObserver observer) {
        ExecutionTrace trace = new ExecutionTrace(ExecutionIds.fresh());
        context.put(ExecutionTrace.class.getName(), trace);
        if (observer.watching()) {
            HttpServerRequest request = context.request();
            context.addEndHandler(ended -> observer.ended(trace.id, request.method().name(), request.path(),
                    request.response().ended() ? request.response().getStatusCode() : 0, trace.outcome,
                    System.nanoTime() - trace.start, request.bytesRead(), request.response().bytesWritten()));
        }
        return trace;
    }

    /** The trace {@link #begin} started for {@code context} (one that reports nothing if none was). */
    public static ExecutionTrace of(RoutingContext context) {
        ExecutionTrace trace = context.get(ExecutionTrace.class.getName());
        return trace != null ? trace : new ExecutionTrace(ExecutionIds.fresh());
    }

    public String id() {
        return id;
    }

    /** The id the executor gave the execution (v5's log id), in place of the fresh one. */
    public void id(String id) {
        this.id = id;
    }

    public void outcome(Outcome outcome) {
        this.outcome = outcome;
    }
}
