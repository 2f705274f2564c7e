package io.openruntimes.quarkus.v5;

import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpHeaderValues;
import io.openruntimes.quarkus.edge.BodyFraming;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpServerRequest;
import java.util.function.Consumer;

/**
 * Reads a request's body, up to the limit (quarkus.http.limits.max-body-size), into one array.
 *
 * <p>A declared length over the limit is refused before a byte is read; a chunked body is
 * refused as soon as it passes the limit. Either way the answer is 413 and the connection is
 * closed, since the rest of the body is left unread.
 */
final class BodyReader implements io.vertx.core.Handler<Buffer> {

    private static final byte[] EMPTY = new byte[0];

    private final HttpServerRequest request;
    private final long limit;
    private final Consumer<byte[]> then;
    /** With a Content-Length, the bytes go straight into an array of that size. */
    private final byte[] sized;
    private int length;
    /** Without one (chunked), into a growing buffer. */
    private Buffer chunks;
    private boolean refused;

    private BodyReader(HttpServerRequest request, long limit, long declared, Consumer<byte[]> then) {
        this.request = request;
        this.limit = limit;
        this.then = then;
        this.sized = declared > 0 ? new byte[(int) declared] : null;
    }

    static void read(HttpServerRequest request, long limit, Consumer<byte[]> then) {
        long declared = BodyFraming.declaredLength(request);
        if (declared > limit) {
            Answers.refuse(request, 413, BodyFraming.tooLarge(limit));
            return;
        }
        if (request.isEnded() || declared == 0) {
            then.accept(EMPTY);
            return;
        }
        if (HttpHeaderValues.CONTINUE.contentEqualsIgnoreCase(request.getHeader(HttpHeaderNames.EXPECT))) {
            request.response().writeContinue(); // all checks passed: now the client may send the body
        }
        BodyReader reader = new BodyReader(request, limit, declared, then);
        request.handler(reader);
        request.endHandler(ended -> reader.end());
    }

    @Override
    public void handle(Buffer chunk) {
        if (refused) {
            return;
        }
        int size = chunk.length();
        if ((long) length + size > limit || sized != null && length + size > sized.length) {
            refused = true;
            Answers.refuse(request, 413, BodyFraming.tooLarge(limit));
            return;
        }
        if (sized != null) {
            chunk.getBytes(0, size, sized, length);
        } else {
            if (chunks == null) {
                chunks = Buffer.buffer(Math.max(size, 1024));
            }
            chunks.appendBuffer(chunk);
        }
        length += size;
    }

    private void end() {
        if (refused) {
            return;
        }
        if (sized != null) {
            then.accept(sized);
        } else {
            then.accept(chunks == null ? EMPTY : chunks.getBytes());
        }
    }
}
