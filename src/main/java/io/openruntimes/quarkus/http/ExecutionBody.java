package io.openruntimes.quarkus.http;

import io.openruntimes.quarkus.edge.BodyFraming;
import io.quarkus.vertx.http.runtime.RouteConstants;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;

/**
 * Reads an execution's body ({@code POST /}) once the challenge has passed, as the bytes that were
 * sent, whatever the framing ({@code Content-Length} or chunked) and the content type.
 *
 * <p>Not Quarkus REST's job: past its input buffer (10 KiB) it hands a chunked body over as a
 * stream that reads back zeros after the data, and it decodes a form content type as a form.
 * The size limit is the connection guard's (edge/ConnectionGuard), which counts the bytes before
 * they get here.
 */
final class ExecutionBody {

    private static final String KEY = ExecutionBody.class.getName();

    private ExecutionBody() {
    }

    static void install(Router router) {
        router.route(HttpMethod.POST, "/").order(RouteConstants.ROUTE_ORDER_UPLOAD_LIMIT - 1).handler(ExecutionBody::read);
    }

    private static void read(RoutingContext context) {
        HttpServerRequest request = context.request();
        Buffer body = Buffer.buffer(initialSize(request));
        request.handler(body::appendBuffer)
                .exceptionHandler(context::fail)
                .endHandler(ended -> {
                    context.put(KEY, body);
                    context.next();
                });
        request.resume(); // in dev mode the live-reload route held the body until now
    }

    /** The body read for this request; empty when none was sent. */
    static byte[] of(RoutingContext context) {
        Buffer body = context.get(KEY);
        return body == null ? new byte[0] : body.getBytes();
    }

    /** The declared length (the limit was checked before this runs); 1 KiB to start a chunked body with. */
    private static int initialSize(HttpServerRequest request) {
        long declared = BodyFraming.declaredLength(request);
        return declared < 0 ? 1024 : (int) Math.min(declared, Integer.MAX_VALUE);
    }
}
