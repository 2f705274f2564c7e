package io.openruntimes.quarkus.edge;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.netty.channel.Channel;
import io.vertx.core.AbstractVerticle;
import io.vertx.core.Promise;
import io.vertx.core.Vertx;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * The seam no public API offers: fails the day a Vert.x upgrade moves what {@link ListeningChannels}
 * reads, instead of a runtime that silently serves without its connection guard.
 */
class ListeningChannelsTest {

    @Test
    void findsTheListeningChannelOfAVertxHttpServer() throws Exception {
        Vertx vertx = Vertx.vertx();
        int[] port = {freePort()};
        try {
            // As Quarkus starts its server: from a verticle, which makes it one of Vert.x's shared servers.
            vertx.deployVerticle(new AbstractVerticle() {
                @Override
                public void start(Promise<Void> started) {
                    vertx.createHttpServer().requestHandler(request -> request.response().end()).listen(port[0], "127.0.0.1")
                            .<Void>mapEmpty().onComplete(started);
                }
            }).toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
            List<Channel> channels = ListeningChannels.of(vertx);
            assertEquals(1, channels.size(), channels.toString());
            assertTrue(channels.get(0).isActive());
            assertEquals(port[0], ((InetSocketAddress) channels.get(0).localAddress()).getPort());
        } finally {
            vertx.close().toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
        }
    }

    /** A fixed port: Vert.x keeps a server listening on port 0 out of its shared servers. */
    private static int freePort() throws java.io.IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
