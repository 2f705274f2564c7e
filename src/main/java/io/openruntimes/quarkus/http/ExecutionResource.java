package io.openruntimes.quarkus.http;

import io.openruntimes.quarkus.Response;
import io.openruntimes.quarkus.edge.ConnectionLoop;
import io.openruntimes.quarkus.edge.ExecutionTrace;
import io.openruntimes.quarkus.observe.Outcome;
import io.vertx.ext.web.RoutingContext;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.core.HttpHeaders;
import java.util.concurrent.CompletionStage;

/**
 * The executor's one call: {@code POST /} with the execution as JSON.
 *
 * <p>The body was read by the edge's gate ({@link ClassicEdge}). Runs on the event loop only to
 * decode it; the function runs on the engine's threads, and its answer is written back on the
 * request's event loop ({@link ConnectionLoop}).
 */
@Path("/")
public class ExecutionResource {

    private final ClassicFunction function;

    public ExecutionResource(ClassicFunction function) {
        this.function = function;
    }

    @POST
    public CompletionStage<jakarta.ws.rs.core.Response> execute(RoutingContext context) {
        Execution execution = ExecutionDecoder.decode(ClassicEdge.body(context));
        ExecutionTrace trace = ExecutionTrace.of(context);
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
