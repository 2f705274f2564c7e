package io.openruntimes.quarkus.edge;

import io.netty.channel.Channel;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.handler.codec.http.HttpResponseStatus;
import io.quarkus.runtime.configuration.MemorySize;
import io.quarkus.vertx.http.HttpServerStart;
import io.vertx.core.http.HttpClosedException;
import io.vertx.core.http.HttpServerResponse;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.ObservesAsync;
import jakarta.inject.Singleton;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

/**
 * The edge's answers for what goes wrong before any protocol's route runs, for both protocols.
 *
 * <p>Two places: every connection's {@link ConnectionGuard} (framing, body limit, header and
 * keep-alive timeouts), and a failure handler ahead of every route, for what the router itself
 * rejects (a request without {@code Host}, a path not starting with {@code /}) and for reads that
 * fail midway. Both answer in the {@link ErrorForm} the active edge installed with
 * {@link #speak(ErrorForm)}.
 *
 * <p>{@link GuardedTransport}, the transport Vert.x listens with, hands each accepted connection
 * to {@link #guard} before Vert.x sets up its pipeline. Should Vert.x ever listen without it, the
 * runtime still serves, without the guard, and says so at start.
 */
@Singleton
public class EdgeGuard {

    private static final Logger LOG = Logger.getLogger(EdgeGuard.class);
    static final String RAW = "openruntimes-guard-raw";
    static final String HTTP = "openruntimes-guard-http";

    private final ConnectionGuard.Limits limits;
    private volatile ErrorForm form = ErrorForm.TEXT;

    public EdgeGuard(GuardConfig config,
            @ConfigProperty(name = "quarkus.http.limits.max-body-size", defaultValue = "20M") MemorySize body,
            @ConfigProperty(name = "quarkus.http.limits.max-header-size", defaultValue = "20K") MemorySize headers,
            @ConfigProperty(name = "quarkus.http.limits.max-initial-line-length", defaultValue = "4096") int line) {
        this.limits = new ConnectionGuard.Limits(body.asLongValue(), headers.asLongValue(), line,
                config.headerTimeout().toMillis(), config.keepAliveTimeout().toMillis(), () -> form);
    }

    /** The active edge's form for the answers given here. */
    public void speak(ErrorForm form) {
        this.form = form;
    }

    void install(@Observes Router router) {
        router.route().order(Integer.MIN_VALUE).failureHandler(this::failed);
        GuardedTransport.guardEach(this::guard);
    }

    private void failed(RoutingContext context) {
        HttpServerResponse response = context.response();
        Throwable failure = context.failure();
        if (response.ended() || response.closed() || failure instanceof HttpClosedException) {
            return; // the caller went away, or was answered already: nobody to tell
        }
        if (response.headWritten()) {
            context.request().connection().close(); // an answer cut short cannot be mended
            return;
        }
        int status = context.statusCode() > 0 ? context.statusCode() : 500;
        String message;
        if (status == 404) {
            message = "Not found";
        } else if (status >= 500) {
            LOG.error("The runtime failed to answer " + context.request().method() + " " + context.request().path(), failure);
            message = "The runtime failed to answer the request: " + failure;
        } else {
            message = failure != null && failure.getMessage() != null ? failure.getMessage()
                    : HttpResponseStatus.valueOf(status).reasonPhrase();
        }
        EarlyAnswer.send(context, status, form, message);
    }

    void warnIfUnguarded(@ObservesAsync HttpServerStart started) {
        if (!GuardedTransport.listening()) {
            LOG.warn("HTTP connections are not guarded: Vert.x did not take its transport from " + GuardedTransport.class.getName()
                    + " (is quarkus.vertx.prefer-native-transport off?): malformed requests get Vert.x's own answers, "
                    + "there are no header or keep-alive timeouts, and no body limit but Quarkus's");
        }
    }

    /** Puts a new guard first in line on a connection just accepted. */
    private void guard(Channel connection) {
        ConnectionGuard guard = new ConnectionGuard(limits);
        connection.pipeline().addFirst(RAW, guard.raw());
        // Vert.x builds the rest of the pipeline when the connection registers; the HTTP side goes
        // just before Vert.x's own handler then.
        connection.pipeline().addLast(new ChannelInboundHandlerAdapter() {
            @Override
            public void channelRegistered(ChannelHandlerContext registered) {
                var pipeline = registered.pipeline();
                pipeline.remove(this);
                if (pipeline.get("handler") != null) {
                    pipeline.addBefore("handler", HTTP, guard.http());
                }
                registered.fireChannelRegistered();
            }
        });
    }
}
