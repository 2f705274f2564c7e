package io.openruntimes.quarkus.edge;

import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpHeaderValues;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpServerRequest;
import java.util.function.Consumer;

/**
 * Reads an admitted execution's body into one array, whatever its framing ({@code Content-Length}
 * or chunked) and content type, for both edges.
 *
 * <p>The size limit is not checked here: each connection's guard ({@link ConnectionGuard}) counts
 * the body's bytes before they reach Vert.x, and answers 413 once they pass the limit, so a body
 * that gets here is within it.
 */
final class BodyReader implements io.vertx.core.Handler<Buffer> {

    private static final byte[] EMPTY = new byte[0];

    private final Consumer<byte[]> then;
    /** With a Content-Length, the bytes go straight into an array of that size. */
    private final byte[] sized;
    private int length;
    /** Without one (chunked), into a growing buffer. */
    private Buffer chunks;

    private BodyReader(long declared, Consumer<byte[]> then) {
        this.then = then;
        this.sized = declared > 0 ? new byte[(int) declared] : null;
    }

    static void read(HttpServerRequest request, Consumer<byte[]> then) {
        long declared = BodyFraming.declaredLength(request);
        if (request.isEnded() || declared == 0) {
            then.accept(EMPTY);
            return;
        }
        if (HttpHeaderValues.CONTINUE.contentEqualsIgnoreCase(request.getHeader(HttpHeaderNames.EXPECT))) {
            request.response().writeContinue(); // admitted: now the client may send the body
        }
        BodyReader reader = new BodyReader(declared, then);
        request.handler(reader);
        request.endHandler(ended -> reader.end());
        request.resume(); // Quarkus REST paused the request as it took it
    }

    @Override
    public void handle(Buffer chunk) {
        int size = chunk.length();
        if (sized != null) {
            // Netty's decoder never passes more than the declared length on as this request's body.
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
        if (sized != null) {
            then.accept(sized);
        } else {
            then.accept(chunks == null ? EMPTY : chunks.getBytes());
        }
    }
}
