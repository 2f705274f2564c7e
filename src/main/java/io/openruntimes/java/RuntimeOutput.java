package io.openruntimes.java;

import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * What a function answers: a body, a status code and headers. Build one with
 * {@link RuntimeResponse} ({@code context.getRes().text("ok")}) and return it from {@code main}.
 *
 * <p>The headers map given to the constructor is copied, never written into, so an immutable
 * map ({@code Map.of(...)}) works. Header names are sent lower-cased; names starting with
 * {@code x-open-runtimes-} are not sent. To send several values of one header (two
 * {@code Set-Cookie}, say), use {@link #addHeader(String, String)}: each value goes out on a
 * line of its own.
 */
public class RuntimeOutput {

    private final byte[] body;
    private final int statusCode;
    private Map<String, String> headers;
    private List<Map.Entry<String, String>> addedHeaders = List.of();

    /**
     * @param body the bytes sent as they are; {@code null} is an empty body
     * @param headers single-valued headers; copied, {@code null} is none
     */
    public RuntimeOutput(byte[] body, int statusCode, Map<String, String> headers) {
        this.body = body == null ? new byte[0] : body;
        this.statusCode = statusCode;
        this.headers = headers == null ? new HashMap<>() : new HashMap<>(headers);
    }

    /**
     * For {@link RuntimeResponse}: takes {@code headers}, a map of its own making, without a copy.
     * A factory, not a constructor overload: a function's own {@code new RuntimeOutput(..., new
     * HashMap<>())} (same package) must still get the copying constructor.
     */
    static RuntimeOutput owning(byte[] body, int statusCode, HashMap<String, String> headers) {
        RuntimeOutput output = new RuntimeOutput(body, statusCode, null);
        output.headers = headers;
        return output;
    }

    public byte[] getBody() {
        return body;
    }

    public int getStatusCode() {
        return statusCode;
    }

    /**
     * The single-valued headers: this output's own copy, which may still be changed before the
     * output is returned. Values added with {@link #addHeader} are not in it.
     */
    public Map<String, String> getHeaders() {
        return headers;
    }

    /**
     * Adds one more value of header {@code name}, sent on a line of its own after any value of
     * the same name in {@link #getHeaders()}: {@code res.text("ok").addHeader("Set-Cookie",
     * "a=1").addHeader("Set-Cookie", "b=2")}.
     *
     * @return this output, to chain calls
     */
    public RuntimeOutput addHeader(String name, String value) {
        if (addedHeaders.isEmpty()) {
            addedHeaders = new ArrayList<>(2);
        }
        addedHeaders.add(Map.entry(name, value));
        return this;
    }

    /** The values added with {@link #addHeader}, in the order they were added (read-only). */
    public List<Map.Entry<String, String>> getAddedHeaders() {
        return Collections.unmodifiableList(addedHeaders);
    }
}
