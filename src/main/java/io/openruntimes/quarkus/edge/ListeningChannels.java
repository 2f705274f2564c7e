package io.openruntimes.quarkus.edge;

import io.netty.channel.Channel;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.impl.VertxInternal;
import io.vertx.core.net.impl.TCPServerBase;
import java.lang.reflect.Field;
import java.util.ArrayList;
import java.util.List;

/**
 * The one seam the edge needs and no public API offers: the listening Netty channels of the HTTP
 * servers Quarkus started, so that {@link EdgeGuard} can put a guard on each accepted connection
 * before Vert.x reads a byte of it.
 *
 * <p>Missing: Quarkus creates the Vert.x HTTP server itself and exposes no hook on it (no
 * connection handler, no invalid-request handler, options only through HttpServerOptionsCustomizer),
 * and Vert.x 4 has no public accessor for a server's channel. So this reads Vert.x's internals:
 * the shared servers ({@code VertxInternal.sharedHttpServers()}) and each one's private
 * {@code TCPServerBase.bindFuture}. ListeningChannelsTest fails the build the day a Vert.x upgrade
 * changes either; at run time, an upgrade that changes them makes {@link #of} throw, and the edge
 * says so at start.
 */
@io.quarkus.runtime.annotations.RegisterForReflection(targets = TCPServerBase.class, fields = true, methods = false)
final class ListeningChannels {

    private ListeningChannels() {
    }

    /** The listening channel of every HTTP server {@code vertx} runs. */
    static List<Channel> of(Vertx vertx) throws ReflectiveOperationException {
        Field bound = TCPServerBase.class.getDeclaredField("bindFuture");
        bound.setAccessible(true);
        List<Channel> channels = new ArrayList<>();
        for (Object server : ((VertxInternal) vertx).sharedHttpServers().values()) {
            Future<?> channel = (Future<?>) bound.get(server);
            if (channel != null && channel.result() instanceof Channel listening) {
                channels.add(listening);
            }
        }
        return channels;
    }
}
