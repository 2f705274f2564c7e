package io.openruntimes.quarkus.http;

import io.openruntimes.quarkus.Response;
import io.openruntimes.quarkus.engine.Invoker;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.core.HttpHeaders;
import java.util.concurrent.CompletionStage;

/**
 * The executor's one call: {@code POST /} with the execution as JSON.
 *
 * <p>Runs on the event loop only to decode the body; the function runs on the invoker's
 * threads, and the answer is written when its stage completes.
 */
@Path("/")
public class ExecutionResource {

    private final Invoker invoker;

    public ExecutionResource(Invoker invoker) {
        this.invoker = invoker;
    }

    @POST
    public CompletionStage<jakarta.ws.rs.core.Response> execute(byte[] body) {
        Execution execution = ExecutionDecoder.decode(body);
        return invoker.invoke(execution.request(), execution.timeout())
                .handle((response, failure) -> failure == null ? answer(response) : Errors.of(failure));
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
