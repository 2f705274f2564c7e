package io.openruntimes.quarkus.http;

import io.openruntimes.quarkus.Response;
import io.openruntimes.quarkus.edge.ConnectionLoop;
import io.openruntimes.quarkus.edge.ExecutionGate;
import io.openruntimes.quarkus.edge.ExecutionTrace;
import io.openruntimes.quarkus.observe.ExecutionObserver;
import io.openruntimes.quarkus.observe.Outcome;
import io.vertx.ext.web.RoutingContext;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.core.HttpHeaders;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;

/**
 * The executor's one call: {@code POST /} with the execution as JSON.
 *
 * <p>The method takes no entity, so Quarkus REST reads no body: the shared gate
 * ({@link ExecutionGate}) admits the execution from its headers and reads the body, or refuses it
 * (503, answered by the gate itself). Runs on the event loop only to decode the body; the function
 * runs on the engine's threads, and its answer is written back on the request's event loop
 * ({@link ConnectionLoop}).
 */
@Path("/")
public class ExecutionResource {

    private final ClassicFunction function;
    private final ExecutionGate gate;
    private final ExecutionObserver observer;

    public ExecutionResource(ClassicFunction function, ExecutionGate gate, ExecutionObserver observer) {
        this.function = function;
        this.gate = gate;
        this.observer = observer;
    }

    @POST
    public CompletionStage<jakarta.ws.rs.core.Response> execute(RoutingContext context) {
        ExecutionTrace trace = ExecutionTrace.begin(context, observer);
        CompletableFuture<byte[]> body = new CompletableFuture<>();
        if (!gate.enter(context, ErrorSchema.FORM, body::complete)) {
            // Refused, and answered by the gate: Quarkus REST writes nothing over an ended response.
            return CompletableFuture.completedFuture(null);
        }
        return body.thenCompose(bytes -> run(trace, ExecutionDecoder.decode(bytes)));
    }

    private CompletionStage<jakarta.ws.rs.core.Response> run(ExecutionTrace trace, Execution execution) {
        return ConnectionLoop.backOn(function.execute(trace.id(), execution.request(), execution.timeout())
                .handle((response, failure) -> {
                    trace.outcome(Outcome.of(failure));
                    return failure == null ? answer(response) : Errors.of(failure);
                }));
    }

    private static jakarta.ws.rs.core.Response answer(Response response) {
        // A plain string header goes out as written ("text/plain; charset=utf-8"); a MediaType
        // would be re-rendered without the space the contract shows.
        return jakarta.ws.rs.core.Response.status(response.getStatusCode())
                .entity(response.getBodyBytes())
                .header(HttpHeaders.CONTENT_TYPE, response.getContentType())
                .build();
    }
}
