package io.openruntimes.quarkus;

import java.nio.charset.StandardCharsets;

/**
 * One execution's answer. A function fills it with {@link #send} or {@link #json} and returns it.
 *
 * <p>The body is encoded when {@code send} or {@code json} is called, on the function's own
 * thread: what the function passed is what the caller gets, even if the value changes later.
 */
public final class Response {

    public static final String TEXT = "text/plain; charset=utf-8";
    public static final String JSON = "application/json";

    private static final byte[] EMPTY = new byte[0];

    private int statusCode = 200;
    private String contentType = TEXT;
    private byte[] body = EMPTY;

    /** Answers {@code text} as UTF-8 plain text, status 200. */
    public Response send(String text) {
        return send(text, 200);
    }

    /** Answers {@code text} as UTF-8 plain text with the given HTTP status. */
    public Response send(String text, int status) {
        return answer(status, TEXT, text == null ? EMPTY : text.getBytes(StandardCharsets.UTF_8));
    }

    /** Answers {@code value} serialised as JSON (maps, lists, records, plain objects), status 200. */
    public Response json(Object value) {
        return json(value, 200);
    }

    /** Answers {@code value} serialised as JSON with the given HTTP status. */
    public Response json(Object value, int status) {
        return answer(status, JSON, Json.encode(value));
    }

    public int getStatusCode() {
        return statusCode;
    }

    public String getContentType() {
        return contentType;
    }

    /** The encoded body, as it goes on the wire. */
    public byte[] getBodyBytes() {
        return body;
    }

    /** The body as text, for assertions in a function's unit tests. */
    public String getBody() {
        return new String(body, StandardCharsets.UTF_8);
    }

    private Response answer(int status, String type, byte[] bytes) {
        if (status < 100 || status > 599) {
            throw new IllegalArgumentException("HTTP status must be between 100 and 599, got " + status);
        }
        this.statusCode = status;
        this.contentType = type;
        this.body = bytes;
        return this;
    }
}
