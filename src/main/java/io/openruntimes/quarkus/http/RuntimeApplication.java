package io.openruntimes.quarkus.http;

import jakarta.ws.rs.core.Application;
import java.util.Set;

/**
 * The runtime's Quarkus REST application is its own classes only. Quarkus REST otherwise serves
 * every {@code @Path} resource and {@code @Provider} in the application, and the function is
 * compiled into it: a function's resource would answer past the challenge, its filter would see
 * every request. Listing the classes here makes Quarkus REST ignore all others.
 *
 * <p>The challenge and the error mappers are method annotations ({@code @ServerRequestFilter},
 * {@code @ServerExceptionMapper}) on beans, which this list does not govern; the function's
 * classes are kept out of CDI by the function builder ({@code quarkus.arc.exclude-types}).
 */
public class RuntimeApplication extends Application {

    @Override
    public Set<Class<?>> getClasses() {
        return Set.of(ExecutionResource.class);
    }
}
