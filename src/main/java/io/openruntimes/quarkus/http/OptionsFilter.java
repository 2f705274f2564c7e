package io.openruntimes.quarkus.http;

import jakarta.ws.rs.HttpMethod;
import jakarta.ws.rs.NotAllowedException;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.container.ContainerRequestContext;
import org.jboss.resteasy.reactive.server.ServerRequestFilter;

/**
 * The contract's method rows hold for {@code OPTIONS} too: 405 on {@code /}, 404 elsewhere.
 * Quarkus REST would otherwise answer every OPTIONS itself, 200 with the methods it serves.
 */
public class OptionsFilter {

    @ServerRequestFilter(preMatching = true)
    public void options(ContainerRequestContext request) {
        if (HttpMethod.OPTIONS.equals(request.getMethod())) {
            if ("/".equals(request.getUriInfo().getPath())) {
                throw new NotAllowedException(HttpMethod.POST);
            }
            throw new NotFoundException();
        }
    }
}
