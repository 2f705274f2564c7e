package io.openruntimes.quarkus.edge;

import io.netty.channel.Channel;
import io.netty.channel.ChannelHandler;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.handler.codec.http.HttpResponseStatus;
import io.quarkus.runtime.configuration.MemorySize;
import io.quarkus.vertx.http.HttpServerStart;
import io.vertx.core.Vertx;
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
 * <p>The guard is installed on the listening socket once it listens: a handler on the server
 * channel adds the guard to each accepted connection before Vert.x sets up its pipeline. Finding
 * that channel needs a seam no public API offers ({@link ListeningChannels}); if a Vert.x upgrade
 * removes it, the runtime still serves, without the guard, and says so at start.
 */
@Singleton
public class EdgeGuard {

    private static final Logger LOG = Logger.getLogger(EdgeGuard.class);
    private static final String ACCEPT = "openruntimes-accept";
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

    void failures(@Observes Router router) {
        router.route().order(Integer.MIN_VALUE).failureHandler(this::failed);
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

    void guardConnections(@ObservesAsync HttpServerStart started, Vertx vertx) {
        try {
            for (Channel listening : ListeningChannels.of(vertx)) {
                if (listening.pipeline().get(ACCEPT) == null) {
                    listening.pipeline().addFirst(ACCEPT, new Accept());
                }
            }
        } catch (ReflectiveOperationException | RuntimeException e) {
            LOG.warn("Cannot guard HTTP connections on this Vert.x version (" + e + "): malformed requests get "
                    + "Vert.x's own answers, there are no header or keep-alive timeouts, and no body limit but Quarkus's");
        }
    }

    /** On the listening socket: each accepted connection gets its guard first in line. */
    @ChannelHandler.Sharable
    private final class Accept extends ChannelInboundHandlerAdapter {
        @Override
        public void channelRead(ChannelHandlerContext ctx, Object msg) {
            if (msg instanceof Channel connection) {
                ConnectionGuard guard = new ConnectionGuard(limits);
                connection.pipeline().addFirst(RAW, guard.raw());
                // Vert.x builds the rest of the pipeline when the connection registers; the HTTP side
                // goes just before Vert.x's own handler then.
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
            ctx.fireChannelRead(msg);
        }
    }
}
