package io.openruntimes.quarkus.edge;

import io.netty.channel.Channel;
import io.netty.channel.ChannelFactory;
import io.netty.channel.ChannelHandler;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.ServerChannel;
import io.netty.channel.nio.NioEventLoopGroup;
import io.netty.channel.socket.DatagramChannel;
import io.netty.channel.socket.InternetProtocolFamily;
import io.netty.channel.socket.nio.NioDatagramChannel;
import io.netty.channel.socket.nio.NioServerSocketChannel;
import io.netty.channel.socket.nio.NioSocketChannel;
import io.vertx.core.spi.transport.Transport;
import java.util.concurrent.ThreadFactory;
import java.util.function.Consumer;

/**
 * Vert.x's transport, through its public SPI: the JDK's NIO, as Vert.x's own default, with one
 * addition. Every listening channel it makes hands each accepted connection to the guard
 * {@link EdgeGuard} installed, before Vert.x sets up the connection's pipeline or reads a byte.
 *
 * <p>This is how the edge reaches each connection without Vert.x's internals: Quarkus creates the
 * HTTP server itself and offers no hook on its connections, and Vert.x 4 no public accessor for a
 * server's channel. Vert.x takes a transport from {@code ServiceLoader} (this class is named in
 * {@code META-INF/services/io.vertx.core.spi.transport.Transport}) when native transports are
 * preferred, which application.properties asks for. {@code GuardedTransportTest} fails the build
 * the day Vert.x stops doing so; at start, {@link EdgeGuard} says so if no listening channel came
 * from here.
 */
public final class GuardedTransport implements Transport {

    private static final String ACCEPT = "openruntimes-accept";
    private static final Accept ACCEPTOR = new Accept();

    private static volatile Consumer<Channel> guard = connection -> {
    };
    private static volatile boolean listening;

    /** What every connection accepted from now on gets first. */
    static void guardEach(Consumer<Channel> guard) {
        GuardedTransport.guard = guard;
    }

    /** Whether Vert.x has listened through this transport since the runtime started. */
    static boolean listening() {
        return listening;
    }

    @Override
    public EventLoopGroup eventLoopGroup(int type, int threads, ThreadFactory threadFactory, int ioRatio) {
        NioEventLoopGroup group = new NioEventLoopGroup(threads, threadFactory);
        group.setIoRatio(ioRatio);
        return group;
    }

    @Override
    public DatagramChannel datagramChannel() {
        return new NioDatagramChannel();
    }

    @Override
    public DatagramChannel datagramChannel(InternetProtocolFamily family) {
        return new NioDatagramChannel(family);
    }

    @Override
    public ChannelFactory<? extends Channel> channelFactory(boolean domainSocket) {
        refuseDomainSockets(domainSocket);
        return NioSocketChannel::new;
    }

    @Override
    public ChannelFactory<? extends ServerChannel> serverChannelFactory(boolean domainSocket) {
        refuseDomainSockets(domainSocket);
        return () -> {
            NioServerSocketChannel server = new NioServerSocketChannel();
            // First in line: ServerBootstrap adds its own acceptor, which sets up the connection for
            // Vert.x, once the channel registers.
            server.pipeline().addFirst(ACCEPT, ACCEPTOR);
            listening = true;
            return server;
        };
    }

    @Override
    public boolean supportsDomainSockets() {
        return false;
    }

    private static void refuseDomainSockets(boolean domainSocket) {
        if (domainSocket) {
            throw new IllegalArgumentException("Domain sockets need a native transport, which this runtime does not use");
        }
    }

    /** On a listening channel: each accepted connection meets the guard before anything else. */
    @ChannelHandler.Sharable
    private static final class Accept extends ChannelInboundHandlerAdapter {
        @Override
        public void channelRead(ChannelHandlerContext context, Object message) {
            if (message instanceof Channel connection) {
                guard.accept(connection);
            }
            context.fireChannelRead(message);
        }
    }
}
