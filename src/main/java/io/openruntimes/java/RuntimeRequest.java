package io.openruntimes.java;

import com.google.gson.JsonSyntaxException;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/**
 * The HTTP request a function is called with ({@code context.getReq()}).
 *
 * <p>Header names are lower-case, one value each (the first one sent); the runtime's own
 * {@code x-open-runtimes-*} headers are not among them. The path and query are as sent, not
 * percent-decoded. Bodies are decoded as UTF-8.
 */
public class RuntimeRequest {

    private final String method;
    private final String scheme;
    private final String host;
    private final int port;
    private final String path;
    private final Map<String, String> query;
    private final String queryString;
    private final Map<String, String> headers;
    private final String url;
    private final byte[] body;

    /** Made by the runtime for each execution. */
    public RuntimeRequest(String method, String scheme, String host, int port, String path, Map<String, String> query,
            String queryString, Map<String, String> headers, String url, byte[] body) {
        this.method = method;
        this.scheme = scheme;
        this.host = host;
        this.port = port;
        this.path = path;
        this.query = query;
        this.queryString = queryString;
        this.headers = headers;
        this.url = url;
        this.body = body;
    }

    /**
     * A request as a unit test makes one, no server needed: {@code http://localhost} with
     * {@code target}'s path and query ({@code /greet?name=Ada}), the headers (names lower-cased)
     * and a UTF-8 body. Pass it to {@code new RuntimeContext(req, new RuntimeResponse(),
     * RuntimeLogger.disabled())}, or a logger {@linkplain RuntimeLogger#open opened} in a folder
     * the test reads.
     */
    public static RuntimeRequest of(String method, String target, Map<String, String> headers, String body) {
        int question = target.indexOf('?');
        String path = question < 0 ? target : target.substring(0, question);
        String queryString = question < 0 ? "" : target.substring(question + 1);
        Map<String, String> query = new LinkedHashMap<>();
        for (String parameter : queryString.split("&")) {
            if (!parameter.isEmpty()) {
                int equals = parameter.indexOf('=');
                query.put(equals < 0 ? parameter : parameter.substring(0, equals), equals < 0 ? "" : parameter.substring(equals + 1));
            }
        }
        Map<String, String> lowerCase = new LinkedHashMap<>();
        headers.forEach((name, value) -> lowerCase.putIfAbsent(name.toLowerCase(Locale.ROOT), value));
        return new RuntimeRequest(method.toUpperCase(Locale.ROOT), "http", "localhost", 80, path, query, queryString, lowerCase,
                "http://localhost" + target, body.getBytes(StandardCharsets.UTF_8));
    }

    /** The HTTP method, upper-case as sent ({@code GET}, {@code POST}...). */
    public String getMethod() {
        return method;
    }

    /** {@code x-forwarded-proto} when the request has it, else {@code http}. */
    public String getScheme() {
        return scheme;
    }

    /** The host of the {@code Host} header, without brackets for an IPv6 address. */
    public String getHost() {
        return host;
    }

    /** The port of the {@code Host} header; without one (or a bad one), 443 for https, else 80. */
    public int getPort() {
        return port;
    }

    /** The path without the query, not percent-decoded ({@code /p%20q} stays so). */
    public String getPath() {
        return path;
    }

    /**
     * The query's parameters: {@code a=1&b} gives {@code a → "1"}, {@code b → ""}. Values are
     * not percent-decoded; when a name repeats, the last value wins.
     */
    public Map<String, String> getQuery() {
        return query;
    }

    /** The raw text after {@code ?}; {@code ""} when there is none. */
    public String getQueryString() {
        return queryString;
    }

    /** The headers, lower-case names, the first value of each. */
    public Map<String, String> getHeaders() {
        return headers;
    }

    /** {@code scheme://host[:port]path[?query]}, the port only when it is not the scheme's default. */
    public String getUrl() {
        return url;
    }

    /** The body's bytes as sent, whatever the content type. */
    public byte[] getBodyBinary() {
        return body;
    }

    /** The body decoded as UTF-8. */
    public String getBodyText() {
        return new String(body, StandardCharsets.UTF_8);
    }

    /** @deprecated the same as {@link #getBodyText()} */
    @Deprecated
    public String getBodyRaw() {
        return getBodyText();
    }

    /**
     * The body parsed as a JSON object, whatever the content type. Gson's types: numbers are
     * {@code Double} ({@code 3} reads as {@code 3.0}), objects {@code Map}, arrays {@code List}.
     *
     * @throws JsonSyntaxException when the body is empty or not a JSON object
     */
    @SuppressWarnings("unchecked")
    public Map<String, Object> getBodyJson() {
        Map<String, Object> json = RuntimeResponse.gson().fromJson(getBodyText(), Map.class);
        if (json == null) { // Gson reads an empty (or blank, or "null") document as null
            throw new JsonSyntaxException("The request body is not a JSON object: it is empty");
        }
        return json;
    }

    /**
     * The body as a JSON object ({@code Map}, empty for an empty body) when the
     * {@code content-type} header starts with {@code application/json}; else as text.
     */
    public Object getBody() {
        String type = headers.get("content-type");
        if (type != null && type.toLowerCase().startsWith("application/json")) {
            return body.length == 0 ? new HashMap<String, Object>() : getBodyJson();
        }
        return getBodyText();
    }
}
