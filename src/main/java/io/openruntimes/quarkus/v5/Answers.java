package io.openruntimes.quarkus.v5;

import io.netty.handler.codec.http.HttpHeaderNames;
import io.openruntimes.java.RuntimeOutput;
import io.openruntimes.quarkus.edge.EarlyAnswer;
import io.vertx.core.MultiMap;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpHeaders;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.core.http.HttpServerResponse;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** How the v5 edge writes its answers: the function's (contract-v5 4.6) and its own. */
final class Answers {

    static final CharSequence LOG_ID = HttpHeaders.createOptimized("x-open-runtimes-log-id");
    private static final CharSequence TEXT = HttpHeaders.createOptimized("text/plain; charset=utf-8");
    private static final String CHARSET = "; charset=utf-8";

    private Answers() {
    }

    /** The function's output: lower-case header names, x-open-runtimes-* dropped, the content-type rules. */
    static void output(HttpServerRequest request, RuntimeOutput output, String logId) {
        HttpServerResponse response = request.response();
        response.setStatusCode(output.getStatusCode());
        MultiMap headers = response.headers();
        String contentType = null;
        for (Map.Entry<String, String> header : output.getHeaders().entrySet()) {
            String name = header.getKey().toLowerCase(Locale.ROOT);
            if (header.getValue() == null || name.startsWith(RequestFields.RUNTIME_HEADERS)) {
                continue;
            }
            if (name.equals("content-type")) {
                contentType = header.getValue();
            } else {
                headers.set(name, header.getValue());
            }
        }
        List<Map.Entry<String, String>> added = output.getAddedHeaders();
        for (int i = 0; i < added.size(); i++) {
            Map.Entry<String, String> header = added.get(i);
            String name = header.getKey().toLowerCase(Locale.ROOT);
            if (header.getValue() == null || name.startsWith(RequestFields.RUNTIME_HEADERS)) {
                continue;
            }
            if (name.equals("content-type")) {
                contentType = header.getValue(); // a response has one content type
            } else {
                headers.add(name, header.getValue());
            }
        }
        headers.set(HttpHeaderNames.CONTENT_TYPE, contentType(contentType));
        headers.set(LOG_ID, logId);
        byte[] body = output.getBody();
        if (request.method() == HttpMethod.HEAD) {
            // The function ran (its side effects and logs happen); its body is not sent.
            headers.set(HttpHeaderNames.CONTENT_LENGTH, Integer.toString(body.length));
            response.end();
        } else {
            response.end(Buffer.buffer(body));
        }
    }

    /** text/plain by default; lower-cased with a UTF-8 charset unless multipart (its boundary is case-sensitive). */
    static CharSequence contentType(String given) {
        if (given == null) {
            return TEXT;
        }
        if (given.startsWith("multipart/")) {
            return given;
        }
        String lower = given.toLowerCase(Locale.ROOT);
        return lower.contains("charset=") ? lower : lower + CHARSET;
    }

    /** The function gave no output: the status alone, an empty text body (the reason is in the error log), as upstream. */
    static void failure(HttpServerRequest request, int status, String logId) {
        request.response().setStatusCode(status).putHeader(HttpHeaderNames.CONTENT_TYPE, TEXT).putHeader(LOG_ID, logId).end();
    }

    /**
     * The edge's own refusal, before the execution starts, as text: from the headers alone, the
     * connection closed when a body was announced and is left unread ({@link EarlyAnswer}).
     */
    static void refuse(HttpServerRequest request, int status, String text) {
        EarlyAnswer.send(request, status, TEXT.toString(), Buffer.buffer(text));
    }
}
