package io.openruntimes.quarkus.edge;

import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpHeaderValues;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.core.http.HttpServerResponse;
import io.vertx.ext.web.RoutingContext;

/**
 * Answers a request from its headers alone, before any byte of its body is read.
 *
 * <p>A request that declares a body which has not fully arrived gets {@code Connection: close},
 * and its connection is closed once the answer is written: the body is never read into memory,
 * and the connection cannot be reused with the rest of that body still in it. Every edge's
 * refusals go through here: v5's secret and the router's own failures are sent from here; the
 * classic challenge's 401, which Quarkus REST writes, has its connection readied here
 * ({@link #closeIfBodyUnread}).
 */
public final class EarlyAnswer {

    private EarlyAnswer() {
    }

    /** Answers {@code status} with {@code message} in {@code form}. */
    public static void send(RoutingContext context, int status, ErrorForm form, String message) {
        send(context.request(), status, form.contentType(), Buffer.buffer(form.body(status, message)));
    }

    /** Answers {@code status} with a body of the edge's own making. */
    public static void send(HttpServerRequest request, int status, String contentType, Buffer body) {
        HttpServerResponse response = request.response();
        response.setStatusCode(status).putHeader(HttpHeaderNames.CONTENT_TYPE, contentType);
        closeIfBodyUnread(request);
        response.end(body);
    }

    /**
     * Readies {@code request}'s connection for an answer given before its body: when a body is still
     * unread, not a byte more is read, and the answer, whoever writes it, goes out with
     * {@code Connection: close} and closes the connection once written.
     */
    public static void closeIfBodyUnread(HttpServerRequest request) {
        if (bodyUnread(request)) {
            request.pause();
            HttpServerResponse response = request.response();
            response.putHeader(HttpHeaderNames.CONNECTION, HttpHeaderValues.CLOSE);
            response.endHandler(written -> request.connection().close());
        }
    }

    /**
     * Whether the request declares a body that has not fully arrived. Vert.x hands a request to the
     * router as soon as its headers are read, before it knows that no body follows, so this reads
     * the framing headers instead of trusting {@link HttpServerRequest#isEnded()} alone.
     */
    static boolean bodyUnread(HttpServerRequest request) {
        if (request.isEnded()) {
            return false;
        }
        String length = request.getHeader(HttpHeaderNames.CONTENT_LENGTH);
        return request.headers().contains(HttpHeaderNames.TRANSFER_ENCODING) || (length != null && !length.equals("0"));
    }
}
