package io.openruntimes.quarkus.edge;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.netty.channel.Channel;
import io.vertx.core.Vertx;
import io.vertx.core.VertxOptions;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The seam the edge's guard depends on: Vert.x takes {@link GuardedTransport} from ServiceLoader
 * when native transports are preferred, and each connection its HTTP server accepts passes the
 * guard before Vert.x reads it. Fails the day a Vert.x upgrade changes either, instead of a
 * runtime that serves without its guard.
 */
class GuardedTransportTest {

    private final List<Channel> guarded = new CopyOnWriteArrayList<>();
    private Vertx vertx;

    @AfterEach
    void stop() throws Exception {
        GuardedTransport.guardEach(connection -> {
        });
        if (vertx != null) {
            vertx.close().toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
        }
    }

    @Test
    void vertxTakesTheTransportFromServiceLoader() {
        vertx = Vertx.vertx(new VertxOptions().setPreferNativeTransport(true));
        // Vert.x's only public trace of its transport: anything but its own JDK transport counts as native.
        assertTrue(vertx.isNativeTransportEnabled());
    }

    @Test
    void eachAcceptedConnectionMeetsTheGuardBeforeVertxAnswers() throws Exception {
        vertx = Vertx.vertx(new VertxOptions().setPreferNativeTransport(true));
        GuardedTransport.guardEach(guarded::add);
        int port = vertx.createHttpServer().requestHandler(request -> request.response().end("served"))
                .listen(0, "127.0.0.1").toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS).actualPort();
        assertTrue(GuardedTransport.listening());

        for (int i = 0; i < 2; i++) {
            try (Socket socket = new Socket("127.0.0.1", port)) {
                OutputStream out = socket.getOutputStream();
                out.write("GET / HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n".getBytes(StandardCharsets.US_ASCII));
                out.flush();
                InputStream in = socket.getInputStream();
                String answer = new String(in.readAllBytes(), StandardCharsets.US_ASCII);
                assertTrue(answer.startsWith("HTTP/1.1 200") && answer.endsWith("served"), answer);
                assertEquals(i + 1, guarded.size());
                assertEquals(socket.getLocalPort(), ((InetSocketAddress) guarded.get(i).remoteAddress()).getPort());
            }
        }
    }
}
