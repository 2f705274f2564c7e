package io.openruntimes.quarkus.edge;

import io.openruntimes.quarkus.observe.ExecutionObserver;
import io.quarkus.vertx.http.HttpServerStart;
import io.vertx.ext.web.Router;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.ObservesAsync;
import jakarta.enterprise.inject.Any;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Singleton;
import org.jboss.logging.Logger;

/**
 * The one place the protocol is read (openruntimes.edge.protocol, from OPENRUNTIMES_PROTOCOL):
 * at start, the edge that speaks it is created and installed. The other edge's bean, and the
 * function and routes it would bring, are never created, so no handler has to ask which protocol
 * it serves.
 */
@Singleton
public class ProtocolSwitch {

    private static final Logger LOG = Logger.getLogger(ProtocolSwitch.class);

    private final Edge edge;

    public ProtocolSwitch(EdgeConfig config, @Any Instance<Edge> edges) {
        this.edge = edges.select(new Speaks.Literal(config.protocol())).get();
        LOG.debugf("Speaking the %s protocol", config.protocol());
    }

    void install(@Observes Router router, EdgeGuard guard, ExecutionObserver observer) {
        guard.speak(edge.errorForm());
        observer.accessLogByDefault(edge.accessLogByDefault());
        edge.install(router);
    }

    void listening(@ObservesAsync HttpServerStart started) {
        edge.listening();
    }
}
