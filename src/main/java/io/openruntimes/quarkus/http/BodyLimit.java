package io.openruntimes.quarkus.http;

import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpHeaderValues;
import io.netty.handler.codec.http.multipart.HttpPostRequestDecoder.TooLongFormFieldException;
import io.quarkus.runtime.configuration.MemorySize;
import io.quarkus.vertx.http.runtime.RouteConstants;
import io.vertx.core.buffer.Buffer;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import io.vertx.ext.web.handler.BodyHandler;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Singleton;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Answers a body over {@code quarkus.http.limits.max-body-size} with 413 in the error schema.
 *
 * <p>Quarkus enforces the same limit a step later, but with an empty body; this route runs just
 * before it, so the executor always gets a message naming the limit. A body of unknown length
 * (chunked) is read here, up to the limit, by Vert.x's body handler; Quarkus REST then takes it
 * as read.
 */
@Singleton
public class BodyLimit {

    void install(@Observes Router router,
            @ConfigProperty(name = "quarkus.http.limits.max-body-size") MemorySize limit) {
        long bytes = limit.asLongValue();
        Buffer answer = Buffer.buffer(io.vertx.core.json.Json.encode(
                new ErrorBody(413, "The request body is larger than the limit of " + describe(bytes))));
        BodyHandler unknownLength = BodyHandler.create(false).setBodyLimit(bytes);
        router.route().order(RouteConstants.ROUTE_ORDER_UPLOAD_LIMIT - 1).handler(context -> {
            long length = declaredLength(context);
            if (length > bytes) {
                tooLarge(context, answer);
            } else if (length < 0 && context.request().headers().contains(HttpHeaderNames.TRANSFER_ENCODING)) {
                unknownLength.handle(context);
            } else {
                context.next();
            }
        }).failureHandler(context -> {
            // A form-encoded body is decoded as it is read, and overflows as a form field instead.
            if (context.statusCode() == 413 || context.failure() instanceof TooLongFormFieldException) {
                tooLarge(context, answer);
            } else {
                context.next();
            }
        });
    }

    private static void tooLarge(RoutingContext context, Buffer answer) {
        context.response().setStatusCode(413)
                .putHeader(HttpHeaderNames.CONTENT_TYPE, HttpHeaderValues.APPLICATION_JSON)
                // The rest of the body is not read: the connection cannot be reused.
                .putHeader(HttpHeaderNames.CONNECTION, HttpHeaderValues.CLOSE)
                .end(answer);
    }

    static long declaredLength(RoutingContext context) {
        String length = context.request().getHeader(HttpHeaderNames.CONTENT_LENGTH);
        try {
            return length == null ? -1 : Long.parseLong(length);
        } catch (NumberFormatException e) {
            return -1; // Vert.x rejects a malformed Content-Length before any route runs
        }
    }

    static String describe(long bytes) {
        if (bytes % (1024 * 1024) == 0) {
            return bytes / (1024 * 1024) + " MiB";
        }
        if (bytes % 1024 == 0) {
            return bytes / 1024 + " KiB";
        }
        return bytes + " bytes";
    }
}
