package io.openruntimes.quarkus.edge;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.netty.bootstrap.ServerBootstrap;
import io.netty.channel.Channel;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.channel.ChannelInitializer;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.ServerChannel;
import io.netty.channel.epoll.Epoll;
import io.netty.channel.epoll.EpollServerSocketChannel;
import io.netty.channel.epoll.EpollSocketChannel;
import io.netty.channel.socket.nio.NioServerSocketChannel;
import io.netty.channel.socket.nio.NioSocketChannel;
import io.netty.util.concurrent.DefaultThreadFactory;
import io.vertx.core.Vertx;
import io.vertx.core.VertxOptions;
import io.vertx.core.spi.transport.Transport;
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
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * The seam the edge's guard depends on: Vert.x takes {@link GuardedTransport} from ServiceLoader
 * when native transports are preferred, and each connection its HTTP server accepts passes the
 * guard before Vert.x reads it, under whichever transport the process chose (epoll where Netty's
 * library loads, NIO elsewhere), accepted on an event loop. Fails the day a Vert.x upgrade changes
 * any of these, instead of a runtime that serves without its guard (or pays a thread handoff a
 * connection again).
 */
class GuardedTransportTest {

    private final List<Channel> guarded = new CopyOnWriteArrayList<>();
    private final List<String> acceptingThreads = new CopyOnWriteArrayList<>();
    private Vertx vertx;
    private EventLoopGroup loops;

    @AfterEach
    void stop() throws Exception {
        GuardedTransport.guardEach(connection -> {
        });
        if (vertx != null) {
            vertx.close().toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
        }
        if (loops != null) {
            loops.shutdownGracefully(0, 1, TimeUnit.SECONDS).await(10, TimeUnit.SECONDS);
        }
    }

    @Test
    void vertxTakesTheTransportFromServiceLoader() {
        vertx = Vertx.vertx(new VertxOptions().setPreferNativeTransport(true));
        // Vert.x's only public trace of its transport: anything but its own JDK transport counts as native.
        assertTrue(vertx.isNativeTransportEnabled());
    }

    @Test
    void theProcessChoosesEpollWhereNettysLibraryLoads() {
        assertEquals(Epoll.isAvailable() ? GuardedTransport.Kind.EPOLL : GuardedTransport.Kind.NIO, GuardedTransport.Kind.chosen());
    }

    @Test
    void eachAcceptedConnectionMeetsTheGuardBeforeVertxAnswers() throws Exception {
        vertx = Vertx.vertx(new VertxOptions().setPreferNativeTransport(true));
        GuardedTransport.guardEach(connection -> {
            acceptingThreads.add(Thread.currentThread().getName());
            guarded.add(connection);
        });
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
                // The connection Vert.x served is the chosen transport's.
                assertEquals(connectionClass(GuardedTransport.Kind.chosen()), guarded.get(i).getClass());
                // Accepted on an event loop, not on Vert.x's acceptor thread.
                assertTrue(acceptingThreads.get(i).startsWith("vert.x-eventloop-thread-"), acceptingThreads.get(i));
            }
        }
    }

    @Test
    void theAcceptorIsTheEventLoopsWhenAskedForAfterThem() {
        GuardedTransport transport = new GuardedTransport(GuardedTransport.Kind.chosen());
        loops = transport.eventLoopGroup(Transport.IO_EVENT_LOOP_GROUP, 2, new DefaultThreadFactory("guarded-test"), 50);
        assertSame(loops, transport.eventLoopGroup(Transport.ACCEPTOR_EVENT_LOOP_GROUP, 1, new DefaultThreadFactory("guarded-test"), 100));
    }

    @Test
    void anAcceptorAskedForFirstIsAGroupOfItsOwn() throws Exception {
        GuardedTransport transport = new GuardedTransport(GuardedTransport.Kind.chosen());
        EventLoopGroup acceptor = transport.eventLoopGroup(Transport.ACCEPTOR_EVENT_LOOP_GROUP, 1, new DefaultThreadFactory("guarded-test"), 100);
        try {
            loops = transport.eventLoopGroup(Transport.IO_EVENT_LOOP_GROUP, 2, new DefaultThreadFactory("guarded-test"), 50);
            assertNotSame(loops, acceptor);
        } finally {
            acceptor.shutdownGracefully(0, 1, TimeUnit.SECONDS).await(10, TimeUnit.SECONDS);
        }
    }

    /** Each transport on its own, as Vert.x uses it: its groups, its listening channel, its connections. */
    @ParameterizedTest
    @EnumSource(GuardedTransport.Kind.class)
    void eachKindHandsEveryConnectionToTheGuard(GuardedTransport.Kind kind) throws Exception {
        assumeTrue(kind != GuardedTransport.Kind.EPOLL || Epoll.isAvailable(), "epoll needs Netty's native library");
        GuardedTransport transport = new GuardedTransport(kind);
        GuardedTransport.guardEach(guarded::add);
        loops = transport.eventLoopGroup(Transport.IO_EVENT_LOOP_GROUP, 1, new DefaultThreadFactory("guarded-test"), 50);
        ServerChannel server = (ServerChannel) new ServerBootstrap().group(loops)
                .channelFactory(transport.serverChannelFactory(false))
                .childHandler(new ChannelInitializer<>() {
                    @Override
                    protected void initChannel(Channel connection) {
                        connection.pipeline().addLast(new ChannelInboundHandlerAdapter() {
                            @Override
                            public void channelActive(ChannelHandlerContext context) {
                                context.close();
                            }
                        });
                    }
                })
                .bind("127.0.0.1", 0).sync().channel();
        assertEquals(kind == GuardedTransport.Kind.EPOLL ? EpollServerSocketChannel.class : NioServerSocketChannel.class, server.getClass());
        int port = ((InetSocketAddress) server.localAddress()).getPort();

        for (int i = 0; i < 3; i++) {
            try (Socket socket = new Socket("127.0.0.1", port)) {
                assertEquals(-1, socket.getInputStream().read()); // closed by the server, once it was accepted
                assertEquals(i + 1, guarded.size());
                assertEquals(socket.getLocalPort(), ((InetSocketAddress) guarded.get(i).remoteAddress()).getPort());
                assertEquals(connectionClass(kind), guarded.get(i).getClass());
            }
        }
        server.close().sync();
    }

    private static Class<? extends Channel> connectionClass(GuardedTransport.Kind kind) {
        return kind == GuardedTransport.Kind.EPOLL ? EpollSocketChannel.class : NioSocketChannel.class;
    }
}
