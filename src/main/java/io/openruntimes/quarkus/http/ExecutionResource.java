package io.openruntimes.quarkus.http;

import io.openruntimes.quarkus.Response;
import io.openruntimes.quarkus.engine.Invoker;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.core.MediaType;
import java.util.concurrent.CompletionStage;

/**
 * The executor's one call: {@code POST /} with the execution as JSON.
 *
 * <p>Runs on the event loop only to decode the body; the function runs on the invoker's
 * threads, and the answer is written when its stage completes.
 */
@Path("/")
public class ExecutionResource {

    private static final MediaType TEXT = MediaType.valueOf(Response.TEXT);
    private static final MediaType JSON = MediaType.valueOf(Response.JSON);

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
        return jakarta.ws.rs.core.Response.status(response.getStatusCode())
                .entity(response.getBodyBytes())
                .type(mediaType(response.getContentType()))
                .build();
    }

    private static MediaType mediaType(String contentType) {
        return Response.JSON.equals(contentType) ? JSON : Response.TEXT.equals(contentType) ? TEXT : MediaType.valueOf(contentType);
    }
}
