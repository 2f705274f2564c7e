package io.openruntimes.quarkus.edge;

import io.netty.bootstrap.ServerBootstrap;
import io.netty.channel.Channel;
import io.netty.channel.ChannelFactory;
import io.netty.channel.ChannelHandler;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.ServerChannel;
import io.netty.channel.epoll.Epoll;
import io.netty.channel.epoll.EpollChannelOption;
import io.netty.channel.epoll.EpollDatagramChannel;
import io.netty.channel.epoll.EpollDomainSocketChannel;
import io.netty.channel.epoll.EpollEventLoopGroup;
import io.netty.channel.epoll.EpollServerDomainSocketChannel;
import io.netty.channel.epoll.EpollServerSocketChannel;
import io.netty.channel.epoll.EpollSocketChannel;
import io.netty.channel.nio.NioEventLoopGroup;
import io.netty.channel.socket.DatagramChannel;
import io.netty.channel.socket.InternetProtocolFamily;
import io.netty.channel.socket.nio.NioDatagramChannel;
import io.netty.channel.socket.nio.NioServerSocketChannel;
import io.netty.channel.socket.nio.NioSocketChannel;
import io.netty.channel.unix.DomainSocketAddress;
import io.vertx.core.datagram.DatagramSocketOptions;
import io.vertx.core.net.NetServerOptions;
import io.vertx.core.net.SocketAddress;
import io.vertx.core.spi.transport.Transport;
import java.util.concurrent.ThreadFactory;
import java.util.function.Consumer;
import java.util.function.Supplier;
import org.jboss.logging.Logger;

/**
 * Vert.x's transport, through its public SPI: Netty's native epoll where its library loads (Linux
 * x86-64), the JDK's NIO elsewhere, with one addition. Every listening channel it makes hands
 * each accepted connection to the guard {@link EdgeGuard} installed, before Vert.x sets up the
 * connection's pipeline or reads a byte.
 *
 * <p>This is how the edge reaches each connection without Vert.x's internals: Quarkus creates the
 * HTTP server itself and offers no hook on its connections, and Vert.x 4 no public accessor for a
 * server's channel. Vert.x takes a transport from {@code ServiceLoader} (this class is named in
 * {@code META-INF/services/io.vertx.core.spi.transport.Transport}) when native transports are
 * preferred, which application.properties asks for. {@code GuardedTransportTest} fails the build
 * the day Vert.x stops doing so; at start, {@link EdgeGuard} says so if no listening channel came
 * from here.
 *
 * <p>Epoll because the executor opens a new connection for every execution: it accepts, sets up
 * and closes a connection with fewer system calls and wake-ups than NIO (docs/performance.md).
 * Netty unpacks its library into {@code java.io.tmpdir} at first use; where that fails (a
 * read-only or noexec temporary folder, musl, another CPU), or with
 * {@code -Dio.netty.transport.noNative=true}, the transport is NIO, as Vert.x's own default.
 */
public final class GuardedTransport implements Transport {

    private static final Logger LOG = Logger.getLogger(GuardedTransport.class);
    private static final String ACCEPT = "openruntimes-accept";
    private static final Accept ACCEPTOR = new Accept();

    private static volatile Consumer<Channel> guard = connection -> {
    };
    private static volatile boolean listening;

    private final Kind kind;

    /** Vert.x's: the kind this process chose. */
    public GuardedTransport() {
        this(Kind.chosen());
    }

    /** One kind, whatever this process chose: for tests of both. */
    GuardedTransport(Kind kind) {
        this.kind = kind;
    }

    /** What every connection accepted from now on gets first. */
    static void guardEach(Consumer<Channel> guard) {
        GuardedTransport.guard = guard;
    }

    /** Whether Vert.x has listened through this transport since the runtime started. */
    static boolean listening() {
        return listening;
    }

    /**
     * Vert.x asks its transport for the event loops, then, on the same thread, for a group of one
     * thread that only accepts connections. That group is the event loops instead: a connection is
     * accepted on an event loop, often the one it is served on, instead of on a thread of its own
     * that hands every connection to an event loop and wakes that up for it (docs/performance.md).
     * Asked in another order, the acceptor is a group of its own, as in Vert.x.
     */
    private static final ThreadLocal<EventLoopGroup> EVENT_LOOPS = new ThreadLocal<>();

    @Override
    public EventLoopGroup eventLoopGroup(int type, int threads, ThreadFactory threadFactory, int ioRatio) {
        EventLoopGroup eventLoops = EVENT_LOOPS.get();
        EVENT_LOOPS.remove();
        if (type == ACCEPTOR_EVENT_LOOP_GROUP && eventLoops != null) {
            return eventLoops; // Vert.x shuts both down the same way: the second time does nothing
        }
        EventLoopGroup group = make(threads, threadFactory, ioRatio);
        if (type == IO_EVENT_LOOP_GROUP) {
            EVENT_LOOPS.set(group);
        }
        return group;
    }

    private EventLoopGroup make(int threads, ThreadFactory threadFactory, int ioRatio) {
        if (kind == Kind.EPOLL) {
            EpollEventLoopGroup group = new EpollEventLoopGroup(threads, threadFactory);
            group.setIoRatio(ioRatio);
            return group;
        }
        NioEventLoopGroup group = new NioEventLoopGroup(threads, threadFactory);
        group.setIoRatio(ioRatio);
        return group;
    }

    @Override
    public DatagramChannel datagramChannel() {
        return kind == Kind.EPOLL ? new EpollDatagramChannel() : new NioDatagramChannel();
    }

    @Override
    public DatagramChannel datagramChannel(InternetProtocolFamily family) {
        return kind == Kind.EPOLL ? new EpollDatagramChannel(family) : new NioDatagramChannel(family);
    }

    @Override
    public ChannelFactory<? extends Channel> channelFactory(boolean domainSocket) {
        if (kind == Kind.EPOLL) {
            return domainSocket ? EpollDomainSocketChannel::new : EpollSocketChannel::new;
        }
        refuseDomainSockets(domainSocket);
        return NioSocketChannel::new;
    }

    @Override
    public ChannelFactory<? extends ServerChannel> serverChannelFactory(boolean domainSocket) {
        if (kind == Kind.EPOLL) {
            return domainSocket ? guarded(EpollServerDomainSocketChannel::new) : guarded(EpollServerSocketChannel::new);
        }
        refuseDomainSockets(domainSocket);
        return guarded(NioServerSocketChannel::new);
    }

    @Override
    public boolean supportsDomainSockets() {
        return kind == Kind.EPOLL;
    }

    @Override
    public java.net.SocketAddress convert(SocketAddress address) {
        if (address.isDomainSocket()) {
            refuseDomainSockets(kind != Kind.EPOLL);
            return new DomainSocketAddress(address.path());
        }
        return Transport.super.convert(address);
    }

    @Override
    public SocketAddress convert(java.net.SocketAddress address) {
        if (address instanceof DomainSocketAddress domainSocket) {
            return SocketAddress.domainSocketAddress(domainSocket.path());
        }
        return Transport.super.convert(address);
    }

    @Override
    public void configure(DatagramChannel channel, DatagramSocketOptions options) {
        if (kind == Kind.EPOLL) {
            channel.config().setOption(EpollChannelOption.SO_REUSEPORT, options.isReusePort());
        }
        Transport.super.configure(channel, options);
    }

    /** The server options only epoll honours (Quarkus's so-reuse-port, tcp-quick-ack, tcp-cork, tcp-fast-open). */
    @Override
    public void configure(NetServerOptions options, boolean domainSocket, ServerBootstrap bootstrap) {
        if (kind == Kind.EPOLL && !domainSocket) {
            bootstrap.option(EpollChannelOption.SO_REUSEPORT, options.isReusePort());
            if (options.isTcpFastOpen()) {
                bootstrap.option(EpollChannelOption.TCP_FASTOPEN, 256);
            }
            // Only when asked: each is one more setsockopt(2) on every connection, and off is the kernel's default.
            if (options.isTcpQuickAck()) {
                bootstrap.childOption(EpollChannelOption.TCP_QUICKACK, true);
            }
            if (options.isTcpCork()) {
                bootstrap.childOption(EpollChannelOption.TCP_CORK, true);
            }
            if (options.getTcpUserTimeout() > 0) {
                bootstrap.childOption(EpollChannelOption.TCP_USER_TIMEOUT, options.getTcpUserTimeout());
            }
        }
        Transport.super.configure(options, domainSocket, bootstrap);
    }

    private static ChannelFactory<ServerChannel> guarded(Supplier<? extends ServerChannel> channels) {
        return () -> {
            ServerChannel server = channels.get();
            // First in line: ServerBootstrap adds its own acceptor, which sets up the connection for
            // Vert.x, once the channel registers.
            server.pipeline().addFirst(ACCEPT, ACCEPTOR);
            listening = true;
            return server;
        };
    }

    private static void refuseDomainSockets(boolean domainSocket) {
        if (domainSocket) {
            throw new IllegalArgumentException("Domain sockets need Netty's epoll transport, which did not load here");
        }
    }

    /**
     * The two transports, chosen once a process ({@link #chosen}), the same for every Vert.x
     * instance in it: epoll when Netty's native library loads.
     */
    enum Kind {
        EPOLL, NIO;

        private static volatile Kind chosen;

        static Kind chosen() {
            Kind kind = chosen;
            if (kind == null) {
                synchronized (Kind.class) {
                    kind = chosen;
                    if (kind == null) {
                        kind = Epoll.isAvailable() ? EPOLL : NIO;
                        if (kind == EPOLL) {
                            LOG.debug("HTTP transport: Netty's native epoll");
                        } else {
                            LOG.debugf("HTTP transport: the JDK's NIO (epoll unavailable: %s)", Epoll.unavailabilityCause());
                        }
                        chosen = kind;
                    }
                }
            }
            return kind;
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
