package io.openruntimes.java;

import com.google.gson.Gson;
import com.google.gson.GsonBuilder;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;

/**
 * Makes the {@link RuntimeOutput} a function returns ({@code context.getRes()}). Every method
 * returns a new output; only the one {@code main} returns is sent. The headers maps passed in
 * are copied, never modified.
 */
public class RuntimeResponse {

    /** Compact JSON, {@code null} values kept: what json() has always sent. Made on first use. */
    private static final class JsonHolder {
        static final Gson GSON = new GsonBuilder().serializeNulls().create();
    }

    static Gson gson() {
        return JsonHolder.GSON;
    }

    /** The bytes as they are, status 200. Sent as {@code text/plain; charset=utf-8} unless a content-type is set. */
    public RuntimeOutput binary(byte[] bytes) {
        return binary(bytes, 200, null);
    }

    public RuntimeOutput binary(byte[] bytes, int statusCode) {
        return binary(bytes, statusCode, null);
    }

    public RuntimeOutput binary(byte[] bytes, int statusCode, Map<String, String> headers) {
        return new RuntimeOutput(bytes, statusCode, headers);
    }

    /** The text encoded as UTF-8, status 200. */
    public RuntimeOutput text(String body) {
        return text(body, 200, null);
    }

    public RuntimeOutput text(String body, int statusCode) {
        return text(body, statusCode, null);
    }

    public RuntimeOutput text(String body, int statusCode, Map<String, String> headers) {
        return binary(utf8(body), statusCode, headers);
    }

    private static byte[] utf8(String text) {
        return text == null ? new byte[0] : text.getBytes(StandardCharsets.UTF_8);
    }

    /** @deprecated the same as {@link #text(String)} */
    @Deprecated
    public RuntimeOutput send(String body) {
        return text(body);
    }

    /** @deprecated the same as {@link #text(String, int)} */
    @Deprecated
    public RuntimeOutput send(String body, int statusCode) {
        return text(body, statusCode);
    }

    /** @deprecated the same as {@link #text(String, int, Map)} */
    @Deprecated
    public RuntimeOutput send(String body, int statusCode, Map<String, String> headers) {
        return text(body, statusCode, headers);
    }

    /** The object as compact JSON (Gson, nulls kept), {@code content-type: application/json}, status 200. */
    public RuntimeOutput json(Map<String, Object> json) {
        return json(json, 200, null);
    }

    public RuntimeOutput json(Map<String, Object> json, int statusCode) {
        return json(json, statusCode, null);
    }

    public RuntimeOutput json(Map<String, Object> json, int statusCode, Map<String, String> headers) {
        HashMap<String, String> withType = headers == null ? new HashMap<>(2) : new HashMap<>(headers);
        withType.put("content-type", "application/json");
        return RuntimeOutput.owning(utf8(gson().toJson(json)), statusCode, withType);
    }

    /** No body, status 204. */
    public RuntimeOutput empty() {
        return RuntimeOutput.owning(new byte[0], 204, new HashMap<>(2));
    }

    /** A {@code location: url} header and no body, status 301. */
    public RuntimeOutput redirect(String url) {
        return redirect(url, 301, null);
    }

    public RuntimeOutput redirect(String url, int statusCode) {
        return redirect(url, statusCode, null);
    }

    public RuntimeOutput redirect(String url, int statusCode, Map<String, String> headers) {
        HashMap<String, String> withLocation = headers == null ? new HashMap<>(2) : new HashMap<>(headers);
        withLocation.put("location", url);
        return RuntimeOutput.owning(new byte[0], statusCode, withLocation);
    }
}
