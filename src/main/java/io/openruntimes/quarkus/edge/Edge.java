package io.openruntimes.quarkus.edge;

import io.vertx.ext.web.Router;

/**
 * One wire protocol's edge: what it adds to the router, and how it words the errors the shared
 * guard answers. {@link ProtocolSwitch} picks one at start; the other is never created.
 */
public interface Edge {

    /** The form of the answers the shared guard gives for this edge (framing, body limit, timeouts). */
    ErrorForm errorForm();

    /**
     * Whether each execution gets an access line on standard output unless the operator says
     * (OPENRUNTIMES_ACCESS_LOG).
     */
    boolean accessLogByDefault();

    /** Adds this edge's routes; called once, before the server listens. */
    void install(Router router);

    /** The server listens (its port is bound). */
    default void listening() {
    }
}
