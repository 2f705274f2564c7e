package io.openruntimes.quarkus.http;

import jakarta.ws.rs.NotAllowedException;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

/** Turns what Quarkus REST and the decoder throw into the error schema. */
public class ErrorMappers {

    @ServerExceptionMapper
    public Response invalidExecution(InvalidExecutionException e) {
        return Errors.of(400, e.getMessage());
    }

    @ServerExceptionMapper
    public Response notFound(NotFoundException e) {
        return Errors.of(404, "Not found");
    }

    @ServerExceptionMapper
    public Response notAllowed(NotAllowedException e, ContainerRequestContext request) {
        return Response.fromResponse(Errors.of(405,
                        "Method " + request.getMethod() + " is not allowed on " + request.getUriInfo().getPath() + ": use POST"))
                .header(HttpHeaders.ALLOW, "POST")
                .build();
    }

    @ServerExceptionMapper
    public Response webApplication(WebApplicationException e) {
        int status = e.getResponse().getStatus();
        String reason = e.getResponse().getStatusInfo().getReasonPhrase();
        return Errors.of(status, e.getMessage() == null || e.getMessage().isBlank() ? reason : e.getMessage());
    }
}
