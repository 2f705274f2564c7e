package io.openruntimes.quarkus.edge;

import io.netty.handler.codec.http.HttpHeaderNames;
import io.openruntimes.quarkus.engine.Admission;
import io.quarkus.runtime.configuration.MemorySize;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.ext.web.RoutingContext;
import jakarta.inject.Singleton;
import java.util.function.Consumer;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * The way into an execution, the same for both edges once their own checks (challenge, secret,
 * headers) have passed: admission from the headers, then the body.
 *
 * <p>The engine's {@link Admission} is asked from the headers, before any body byte is read. A
 * body with a {@code Content-Length} reserves that length; a chunked one the body limit, the most
 * it can be (counting its bytes as they arrive would admit a body that later does not fit, part of
 * it already in the heap). The permit is given back when the response ends or the connection
 * closes, whichever comes first.
 *
 * <p>A refusal answers 503 with {@code Retry-After} in the edge's {@link ErrorForm} at once, and
 * reads and drops the body as it comes, a buffer at a time: a caller that sends its whole body
 * before reading (most do) sees the answer, not a reset, and the connection stays usable.
 */
@Singleton
public class ExecutionGate {

    private final Admission admission;
    private final long limit;

    public ExecutionGate(Admission admission,
            @ConfigProperty(name = "quarkus.http.limits.max-body-size", defaultValue = "20M") MemorySize limit) {
        this.admission = admission;
        this.limit = limit.asLongValue();
    }

    /**
     * Admits the execution {@code context} carries and hands its body to {@code then} (on the
     * request's event loop), or refuses it in {@code form}. Returns whether it was admitted: if
     * not, it has been answered, and {@code then} is never called.
     */
    public boolean enter(RoutingContext context, ErrorForm form, Consumer<byte[]> then) {
        HttpServerRequest request = context.request();
        Admission.Decision decision = admission.admit(BodyFraming.reservation(request, limit));
        if (decision instanceof Admission.Permit permit) {
            context.addEndHandler(ended -> permit.release());
            request.exceptionHandler(context::fail); // a read that fails midway: the guard's failure handler answers
            BodyReader.read(request, then);
            return true;
        }
        refuse(request, (Admission.Refusal) decision, form);
        return false;
    }

    private static void refuse(HttpServerRequest request, Admission.Refusal refusal, ErrorForm form) {
        request.handler(dropped -> {
        });
        request.resume();
        request.response().setStatusCode(503)
                .putHeader(HttpHeaderNames.CONTENT_TYPE, form.contentType())
                .putHeader(HttpHeaderNames.RETRY_AFTER, Integer.toString(refusal.retryAfterSeconds()))
                .end(Buffer.buffer(form.body(503, refusal.message())));
    }
}
