package io.openruntimes.quarkus.observe;

import io.vertx.ext.web.Route;
import io.vertx.ext.web.Router;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Singleton;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * Quarkus's Prometheus endpoint ({@value #PATH}) is served only when metrics are on.
 *
 * <p>The Micrometer extension is in every build, and Quarkus registers its route whether or not
 * metrics are asked for at start, on the router of Quarkus's own endpoints (mounted at
 * {@code /q/}), ahead of Quarkus REST. With metrics off (the default) its routes are disabled
 * before the server listens, so {@value #PATH} is a path like any other the runtime does not
 * serve: it reaches Quarkus REST, whose filters (the classic edge's challenge) see it. Disabled,
 * not removed: the built runtime has two routes of equal order for each path (one per content
 * type), and Vert.x's {@code Route.remove()} of the pair left one in place (BuildAndStartTest).
 */
@Singleton
public class MetricsEndpoint {

    public static final String PATH = "/q/metrics";
    private static final Set<String> PATHS = Set.of(PATH, PATH + "/");

    void disableWhenOff(@Observes Router router, ExecutionMetrics metrics) {
        if (!metrics.on()) {
            served(router, "").forEach(Route::disable);
        }
    }

    /** The routes of {@code router} (mounted at {@code mount}) and of the routers mounted on it that serve {@value #PATH}. */
    private static List<Route> served(Router router, String mount) {
        List<Route> found = new ArrayList<>();
        for (Route route : router.getRoutes()) {
            if (route.getPath() == null) {
                continue; // every path's route (a filter, v5's edge): not the endpoint's
            }
            String path = mount + route.getPath();
            if (route.getSubRouter() != null) {
                found.addAll(served(route.getSubRouter(), path.endsWith("/") ? path.substring(0, path.length() - 1) : path));
            } else if (PATHS.contains(path)) {
                found.add(route);
            }
        }
        return found;
    }
}
