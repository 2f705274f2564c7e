package io.openruntimes.quarkus.v5;

import io.netty.handler.codec.http.HttpHeaderNames;
import io.vertx.core.http.HttpServerRequest;
import java.nio.file.Path;
import java.util.function.Supplier;

/**
 * /__opr/health, /__opr/timings and, when metrics are on, /__opr/metrics (Prometheus's text
 * format, for a scraper that does not know the secret): any method, before the secret.
 */
final class InternalEndpoints {

    static final String METRICS_TYPE = "text/plain; version=0.0.4; charset=utf-8";

    private final String timings;
    /** {@code null}: metrics are off, and /__opr/metrics is the function's like any other path. */
    private final Supplier<String> metrics;

    InternalEndpoints(Path timings, Supplier<String> metrics) {
        this.timings = timings.toString();
        this.metrics = metrics;
    }

    /** Answers {@code request} when it is for an internal endpoint. */
    boolean answers(HttpServerRequest request, String path) {
        if ("/__opr/health".equals(path)) {
            request.response().putHeader(HttpHeaderNames.CONTENT_TYPE, "text/plain").end("OK");
            return true;
        }
        if ("/__opr/timings".equals(path)) {
            // Read off the event loop's thread by Vert.x's file system.
            request.response().headers().set(HttpHeaderNames.CONTENT_TYPE, "text/plain; charset=utf-8");
            io.vertx.core.Vertx.currentContext().owner().fileSystem().readFile(timings).onComplete(read -> {
                if (read.succeeded()) {
                    request.response().end(read.result());
                } else {
                    request.response().setStatusCode(500).end("Error reading timings");
                }
            });
            return true;
        }
        if (metrics != null && "/__opr/metrics".equals(path)) {
            request.response().putHeader(HttpHeaderNames.CONTENT_TYPE, METRICS_TYPE).end(metrics.get());
            return true;
        }
        return false;
    }
}
