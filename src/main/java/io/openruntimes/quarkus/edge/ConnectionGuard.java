package io.openruntimes.quarkus.edge;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import io.netty.channel.ChannelDuplexHandler;
import io.netty.channel.ChannelFutureListener;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.channel.ChannelPromise;
import io.netty.handler.codec.http.DefaultFullHttpResponse;
import io.netty.handler.codec.http.HttpContent;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpHeaderValues;
import io.netty.handler.codec.http.HttpMethod;
import io.netty.handler.codec.http.HttpRequest;
import io.netty.handler.codec.http.HttpResponse;
import io.netty.handler.codec.http.HttpResponseStatus;
import io.netty.handler.codec.http.HttpStatusClass;
import io.netty.handler.codec.http.HttpUtil;
import io.netty.handler.codec.http.HttpVersion;
import io.netty.handler.codec.http.LastHttpContent;
import io.netty.handler.codec.http.TooLongHttpHeaderException;
import io.netty.handler.codec.http.TooLongHttpLineException;
import io.netty.util.ReferenceCountUtil;
import java.net.URI;
import java.net.URISyntaxException;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import org.jboss.logging.Logger;

/**
 * One connection's guard, in its Netty pipeline: what the HTTP framing alone decides, before
 * Vert.x and Quarkus see a request.
 *
 * <ul>
 * <li>A request Netty could not decode (request line or headers too long, malformed, both
 * {@code Transfer-Encoding} and {@code Content-Length}, broken chunk framing) is answered in the
 * active edge's {@link ErrorForm} (414, 431, 400) instead of Vert.x's empty answer, and one in
 * another HTTP version than 1.0 or 1.1 is answered 505 (Vert.x would answer in that version).</li>
 * <li>A body over the limit is answered 413 as soon as its headers declare it, or as soon as its
 * chunks pass the limit: the bytes are counted here, never buffered. This is the one place the
 * body limit is enforced, for both edges.</li>
 * <li>A request's headers must be complete within the header timeout of its first byte (408), and
 * a connection waiting for its next request is closed after the keep-alive timeout.</li>
 * </ul>
 *
 * <p>Two handlers share this state: {@link Arrivals} at the head of the pipeline sees bytes arrive
 * (a request's first byte starts its header clock), {@link Exchanges} just before Vert.x's own
 * handler sees decoded requests and the answers written back. Both run on the connection's event
 * loop, so the state needs no locking.
 */
final class ConnectionGuard {

    /** The limits the guard applies; {@code form} is read per answer, as the edge may install it late. */
    record Limits(long bodyBytes, long headerBytes, int lineBytes, long headerTimeoutMillis, long keepAliveMillis,
            Supplier<ErrorForm> form) {
    }

    /** Where the connection is; one clock runs at a time, the phase's. */
    private enum Phase {
        /** Waiting for a request's first byte (after the connection opened, or an answer ended): the keep-alive clock. */
        IDLE,
        /** A request is arriving (the header clock, until its headers are in) or being answered. */
        BUSY,
        /** The guard answered itself: the connection is closing, and nothing more goes to Vert.x. */
        CLOSING,
        /** As CLOSING, once the refused body is over (or the header timeout passed), not at once. */
        DRAINING
    }

    /** What the guard answers itself; {@code drain}: read the rest of the body before closing. */
    private record Refusal(int status, String message, boolean drain) {
    }

    private static final Logger LOG = Logger.getLogger(ConnectionGuard.class);

    private final Limits limits;
    private ChannelHandlerContext httpContext;
    private ScheduledFuture<?> clock;
    private Phase phase = Phase.IDLE;
    /** Requests whose headers were decoded, and answers (not 1xx) completely written: equal when none is open. */
    private long requests;
    private long answers;
    /** An answer's head is written, its end not yet. */
    private boolean answering;
    /** The current request: a HEAD (its answer has headers only), its body's bytes so far, whether that body is over. */
    private boolean head;
    private long bodyBytes;
    private boolean bodyComplete = true;
    /** A refusal of a pipelined request, written once the answers to the requests before it are. */
    private Runnable deferred;

    ConnectionGuard(Limits limits) {
        this.limits = limits;
    }

    ChannelInboundHandlerAdapter raw() {
        return new Arrivals();
    }

    ChannelDuplexHandler http() {
        return new Exchanges();
    }

    /** At the head of the pipeline: the connection's bytes as they arrive. */
    private final class Arrivals extends ChannelInboundHandlerAdapter {
        @Override
        public void channelRegistered(ChannelHandlerContext ctx) {
            startClock(ctx, limits.keepAliveMillis());
            ctx.fireChannelRegistered();
        }

        @Override
        public void channelRead(ChannelHandlerContext ctx, Object msg) {
            if (phase == Phase.IDLE && msg instanceof ByteBuf bytes && bytes.isReadable()) {
                phase = Phase.BUSY; // a request's first byte: its headers have until the header timeout
                startClock(ctx, limits.headerTimeoutMillis());
            }
            ctx.fireChannelRead(msg);
        }

        @Override
        public void channelInactive(ChannelHandlerContext ctx) {
            stopClock();
            ctx.fireChannelInactive();
        }
    }

    /** Just before Vert.x's handler: decoded requests on their way in, answers on their way out. */
    private final class Exchanges extends ChannelDuplexHandler {
        @Override
        public void handlerAdded(ChannelHandlerContext ctx) {
            httpContext = ctx;
        }

        @Override
        public void channelRead(ChannelHandlerContext ctx, Object msg) {
            if (closing()) {
                ReferenceCountUtil.release(msg);
                if (phase == Phase.DRAINING && msg instanceof LastHttpContent) {
                    ctx.close(); // the refused body is over: the caller now reads its answer
                }
                return;
            }
            // A message may be both (a request with its whole body): its headers first, then its body.
            if (msg instanceof HttpRequest request && !headers(ctx, request)
                    || msg instanceof HttpContent content && !content(ctx, content)) {
                ReferenceCountUtil.release(msg);
                return;
            }
            ctx.fireChannelRead(msg);
        }

        @Override
        public void write(ChannelHandlerContext ctx, Object msg, ChannelPromise promise) {
            if (msg instanceof HttpResponse response && response.status().codeClass() != HttpStatusClass.INFORMATIONAL) {
                answering = true;
            }
            boolean answered = msg instanceof LastHttpContent && answering;
            if (answered) {
                answering = false;
                answers++;
                if (answers == requests && bodyComplete && !closing()) {
                    phase = Phase.IDLE;
                    startClock(ctx, limits.keepAliveMillis());
                }
            }
            ctx.write(msg, promise);
            if (answered && deferred != null && answers == requests - 1) {
                Runnable refusal = deferred;
                deferred = null;
                refusal.run();
            }
        }
    }

    private boolean closing() {
        return phase == Phase.CLOSING || phase == Phase.DRAINING;
    }

    /** A request's headers are in: stop their clock; refuse what they alone condemn. */
    private boolean headers(ChannelHandlerContext ctx, HttpRequest request) {
        stopClock();
        phase = Phase.BUSY;
        requests++;
        head = HttpMethod.HEAD.equals(request.method());
        bodyBytes = 0;
        bodyComplete = false;
        Refusal refusal = condemned(request);
        if (refusal != null) {
            refuse(ctx, refusal);
            return false;
        }
        return true;
    }

    /** What a request's headers alone are refused for, if anything. */
    private Refusal condemned(HttpRequest request) {
        if (request.decoderResult().isFailure()) {
            Throwable cause = request.decoderResult().cause();
            if (cause instanceof TooLongHttpLineException) {
                return new Refusal(414, "The request line is longer than the limit of " + Sizes.describe(limits.lineBytes()), false);
            }
            if (cause instanceof TooLongHttpHeaderException) {
                return new Refusal(431, "The request headers are larger than the limit of " + Sizes.describe(limits.headerBytes()),
                        false);
            }
            return new Refusal(400, "Malformed request: " + reason(cause), false);
        }
        HttpVersion version = request.protocolVersion();
        if (version.majorVersion() != 1 || version.minorVersion() > 1) {
            // Netty takes any HTTP/x.y, and Vert.x would answer in it: only HTTP/1.0 and 1.1 are spoken here.
            return new Refusal(505, "HTTP version " + version.text() + " is not supported: use HTTP/1.1", false);
        }
        if (!validTarget(request.uri())) {
            return new Refusal(400, "Malformed request target: not a URI", false);
        }
        if (HttpUtil.getContentLength(request, -1L) > limits.bodyBytes()) {
            return new Refusal(413, tooLarge(), true);
        }
        return null;
    }

    /** A piece of the body: count it against the limit; refuse broken chunk framing. */
    private boolean content(ChannelHandlerContext ctx, HttpContent content) {
        boolean broken = content.decoderResult().isFailure();
        if ((broken || bodyBytes + content.content().readableBytes() > limits.bodyBytes()) && answers == requests) {
            // This request was answered already (from its headers): a second answer would be read
            // as the answer to a request that was never sent. Hang up instead.
            phase = Phase.CLOSING;
            stopClock();
            ctx.close();
            return false;
        }
        if (broken) {
            refuse(ctx, new Refusal(400, "Malformed request body: " + reason(content.decoderResult().cause()), false));
            return false;
        }
        bodyBytes += content.content().readableBytes();
        if (bodyBytes > limits.bodyBytes()) {
            refuse(ctx, new Refusal(413, tooLarge(), true));
            return false;
        }
        if (content instanceof LastHttpContent) {
            bodyComplete = true;
        }
        return true;
    }

    /**
     * Answers the refusal and closes the connection; after the answers to the requests before it
     * when they are pipelined and still being answered (a 408 has none before it to wait for).
     */
    private void refuse(ChannelHandlerContext ctx, Refusal refusal) {
        phase = Phase.CLOSING;
        stopClock();
        if (answers < requests - 1 && refusal.status() != 408) {
            deferred = () -> answer(ctx, refusal);
            return;
        }
        answer(ctx, refusal);
    }

    /**
     * Writes the refusal in the edge's form, then closes. If an answer is already on its way (the
     * router answered from the headers and did not wait for the body), closing is all that is left.
     *
     * <p>With {@code drain}, the rest of the body is read and dropped before closing, for at most
     * the header timeout: most clients send a whole body before they read, and would see a broken
     * pipe instead of the 413. Dropped bytes cost no memory.
     */
    private void answer(ChannelHandlerContext ctx, Refusal refusal) {
        if (answering) {
            ctx.close();
            return;
        }
        ErrorForm form = limits.form().get();
        byte[] body = form.body(refusal.status(), refusal.message());
        DefaultFullHttpResponse answer = new DefaultFullHttpResponse(HttpVersion.HTTP_1_1,
                HttpResponseStatus.valueOf(refusal.status()), head ? Unpooled.EMPTY_BUFFER : Unpooled.wrappedBuffer(body));
        answer.headers().set(HttpHeaderNames.CONTENT_TYPE, form.contentType())
                .setInt(HttpHeaderNames.CONTENT_LENGTH, body.length)
                .set(HttpHeaderNames.CONNECTION, HttpHeaderValues.CLOSE);
        if (refusal.drain() && !bodyComplete) {
            phase = Phase.DRAINING;
            ctx.writeAndFlush(answer).addListener(ChannelFutureListener.CLOSE_ON_FAILURE);
            startClock(ctx, limits.headerTimeoutMillis());
        } else {
            ctx.writeAndFlush(answer).addListener(ChannelFutureListener.CLOSE);
        }
        LOG.debugf("Refused a request from %s: %d %s", ctx.channel().remoteAddress(), refusal.status(), refusal.message());
    }

    private void startClock(ChannelHandlerContext ctx, long millis) {
        stopClock();
        clock = ctx.executor().schedule(this::timeUp, millis, TimeUnit.MILLISECONDS);
    }

    private void stopClock() {
        if (clock != null) {
            clock.cancel(false);
            clock = null;
        }
    }

    /** The phase's clock ran out. */
    private void timeUp() {
        clock = null;
        if (httpContext == null) {
            return;
        }
        switch (phase) {
            case DRAINING, IDLE -> httpContext.close(); // the refused body took too long / nobody waits for an answer
            case BUSY -> {
                if (answers == requests) {
                    refuse(httpContext, new Refusal(408,
                            "The request headers did not arrive within " + limits.headerTimeoutMillis() + " ms", false));
                }
            }
            case CLOSING -> {
            }
        }
    }

    /** Quarkus refuses a target that is not a URI with an empty 400 of its own: refuse it here first. */
    private static boolean validTarget(String uri) {
        try {
            new URI(uri);
            return true;
        } catch (URISyntaxException e) {
            return false;
        }
    }

    private String tooLarge() {
        return "The request body is larger than the limit of " + Sizes.describe(limits.bodyBytes());
    }

    private static String reason(Throwable cause) {
        String message = cause == null || cause.getMessage() == null ? "cannot be decoded" : cause.getMessage();
        // Netty quotes parts of the request: never echo more than a line of it.
        return message.length() > 200 ? message.substring(0, 200) + "..." : message;
    }
}
