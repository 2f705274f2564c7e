package io.openruntimes.quarkus.edge;

import io.netty.handler.codec.http.HttpHeaderNames;
import io.vertx.core.http.HttpServerRequest;

/** What a request's headers say of its body, for the edges' decisions before a byte of it is read. */
public final class BodyFraming {

    private BodyFraming() {
    }

    /** The declared Content-Length; -1 when there is none (the connection guard refuses a malformed one). */
    public static long declaredLength(HttpServerRequest request) {
        String length = request.getHeader(HttpHeaderNames.CONTENT_LENGTH);
        if (length == null) {
            return -1;
        }
        try {
            return Long.parseLong(length.trim());
        } catch (NumberFormatException e) {
            return -1;
        }
    }

    /**
     * The body bytes an execution reserves before its body is read: the declared length, the
     * limit for a chunked body (the most it can be), nothing for a body over the limit (it is
     * refused unread).
     */
    public static long reservation(HttpServerRequest request, long limit) {
        long declared = declaredLength(request);
        if (declared > limit) {
            return 0;
        }
        return declared < 0 && request.headers().contains(HttpHeaderNames.TRANSFER_ENCODING) ? limit : Math.max(0, declared);
    }
}
