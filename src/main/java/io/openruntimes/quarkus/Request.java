package io.openruntimes.quarkus;

import java.util.Map;

/**
 * One execution's input, as the function sees it.
 *
 * <p>Immutable and never holding nulls, so a function can read it from any thread
 * without checks. Construct one directly to unit-test a function without a server.
 */
public final class Request {

    private final String payload;
    private final Map<String, String> env;
    private final Map<String, String> headers;

    public Request(String payload, Map<String, String> env, Map<String, String> headers) {
        this.payload = payload == null ? "" : payload;
        this.env = env == null ? Map.of() : Map.copyOf(env);
        this.headers = headers == null ? Map.of() : Map.copyOf(headers);
    }

    public Request(String payload) {
        this(payload, Map.of(), Map.of());
    }

    public Request() {
        this("", Map.of(), Map.of());
    }

    /** The caller's input, untouched; {@code ""} when none was sent. */
    public String getPayload() {
        return payload;
    }

    /** The function's variables for this execution. */
    public Map<String, String> getEnv() {
        return env;
    }

    /** The caller's headers as the executor forwarded them, keys lower-cased. */
    public Map<String, String> getHeaders() {
        return headers;
    }

    @Override
    public String toString() {
        return "Request{payload=" + payload.length() + " chars, env=" + env.keySet() + ", headers=" + headers.keySet() + "}";
    }
}
