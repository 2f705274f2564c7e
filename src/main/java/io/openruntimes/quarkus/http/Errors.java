package io.openruntimes.quarkus.http;

import io.openruntimes.quarkus.engine.ExecutionFailure;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.jboss.logging.Logger;

/** Every error answer, in the error schema. */
final class Errors {

    private static final Logger LOG = Logger.getLogger(Errors.class);

    private Errors() {
    }

    static Response of(int status, String message) {
        return Response.status(status).entity(new ErrorBody(status, message)).type(MediaType.APPLICATION_JSON_TYPE).build();
    }

    /** An execution's failure: the function's fault (its message is for the author) or ours. */
    static Response of(Throwable failure) {
        Throwable cause = ExecutionFailure.unwrap(failure);
        if (cause instanceof ExecutionFailure execution) {
            return of(status(execution.kind()), execution.kind() == ExecutionFailure.Kind.NO_RESPONSE
                    ? "The function returned null: main(Request, Response) must return the response, "
                            + "for example `return res.send(\"ok\");`"
                    : execution.getMessage());
        }
        LOG.error("Execution failed inside the runtime", cause);
        return of(500, "The runtime failed to run the execution: " + cause);
    }

    private static int status(ExecutionFailure.Kind kind) {
        return switch (kind) {
            case ENTRYPOINT_UNAVAILABLE -> 404;
            case FUNCTION_THREW, NO_RESPONSE, TIMED_OUT -> 500;
            case SHUTTING_DOWN -> 503;
        };
    }
}
