package io.openruntimes.quarkus.http;

import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpHeaderValues;
import io.openruntimes.quarkus.edge.BodyFraming;
import io.openruntimes.quarkus.edge.ExecutionTrace;
import io.openruntimes.quarkus.engine.Admission;
import io.openruntimes.quarkus.observe.ExecutionObserver;
import io.quarkus.runtime.configuration.MemorySize;
import io.quarkus.vertx.http.runtime.RouteConstants;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import jakarta.inject.Singleton;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * The classic edge's admission: an execution ({@code POST /}) is traced from here (its id, its
 * access-log line and metrics, see edge/ExecutionTrace), and runs only with the engine's
 * {@link Admission} permit, asked for from the request's headers before any body byte is read.
 * A refusal answers 503 with {@code Retry-After} in the error schema at once.
 *
 * <p>Runs after the challenge (a caller without the key never takes room) and before
 * {@link ExecutionBody}, which reads the body. A body over the limit never gets here: the
 * connection guard (edge/ConnectionGuard) answers it 413 from its headers. A body with a {@code Content-Length}
 * reserves that length; a chunked one reserves the body limit, the most it can be: counting its
 * bytes as they arrive would admit a body that later does not fit, with part of it already in
 * the heap and nothing left to do but fail it. The permit is given back when the response ends
 * or the connection closes, whichever comes first.
 */
@Singleton
public class AdmissionRoute {

    /** Below ExecutionBody (ROUTE_ORDER_UPLOAD_LIMIT - 1), above the challenge (the lowest orders). */
    public static final int ORDER = RouteConstants.ROUTE_ORDER_UPLOAD_LIMIT - 2;

    private final Admission admission;
    private final ExecutionObserver observer;
    private final long maxBody;

    public AdmissionRoute(Admission admission, ExecutionObserver observer,
            @ConfigProperty(name = "quarkus.http.limits.max-body-size") MemorySize limit) {
        this.admission = admission;
        this.observer = observer;
        this.maxBody = limit.asLongValue();
    }

    void install(Router router) {
        router.post("/").order(ORDER).handler(context -> {
            ExecutionTrace.begin(context, observer);
            if (BodyFraming.declaredLength(context.request()) > maxBody) {
                context.next(); // not reached: the connection guard refused it already
                return;
            }
            Admission.Decision decision = admission.admit(BodyFraming.reservation(context.request(), maxBody));
            if (decision instanceof Admission.Permit permit) {
                context.addEndHandler(ended -> permit.release());
                context.next();
            } else {
                refuse(context, (Admission.Refusal) decision, maxBody);
            }
        });
    }

    private static void refuse(RoutingContext context, Admission.Refusal refusal, long maxBody) {
        HttpServerRequest request = context.request();
        // The body is read and dropped as it comes, a buffer at a time: the caller sees the answer
        // instead of a reset while it is still sending, and the connection stays usable. A body
        // longer than any execution may be (chunked) is not worth reading: then it is closed.
        long[] drained = {0};
        request.handler(chunk -> {
            drained[0] += chunk.length();
            if (drained[0] > maxBody) {
                request.connection().close();
            }
        });
        request.resume();
        context.response().setStatusCode(503)
                .putHeader(HttpHeaderNames.CONTENT_TYPE, HttpHeaderValues.APPLICATION_JSON)
                .putHeader(HttpHeaderNames.RETRY_AFTER, Integer.toString(refusal.retryAfterSeconds()))
                .end(Buffer.buffer(io.vertx.core.json.Json.encode(new ErrorBody(503, refusal.message()))));
    }
}
