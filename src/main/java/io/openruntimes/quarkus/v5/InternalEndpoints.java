package io.openruntimes.quarkus.v5;

import io.netty.handler.codec.http.HttpHeaderNames;
import io.vertx.core.http.HttpServerRequest;
import java.nio.file.Path;

/** /__opr/health and /__opr/timings: any method, before the secret. */
final class InternalEndpoints {

    private final String timings;

    InternalEndpoints(Path timings) {
        this.timings = timings.toString();
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
        return false;
    }
}
