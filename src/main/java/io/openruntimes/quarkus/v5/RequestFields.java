package io.openruntimes.quarkus.v5;

import io.openruntimes.java.RuntimeRequest;
import io.vertx.core.http.HttpServerRequest;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;

/** The request a v5 function sees (contract-v5 4.4), from the HTTP request and its body. */
final class RequestFields {

    static final String RUNTIME_HEADERS = "x-open-runtimes-";

    private RequestFields() {
    }

    static RuntimeRequest of(HttpServerRequest request, byte[] body, Map<String, String> enforced) {
        Map<String, String> headers = headers(request, enforced);
        String forwarded = headers.get("x-forwarded-proto");
        String scheme = forwarded == null || forwarded.isEmpty() ? "http" : forwarded;
        int defaultPort = "https".equals(scheme) ? 443 : 80;
        HostPort hostPort = HostPort.parse(authority(request), defaultPort);
        String host = hostPort.host();
        int port = hostPort.port();
        String path = request.path();
        if (path == null || path.isEmpty()) {
            path = "/";
        }
        String queryString = request.query() == null ? "" : request.query();
        return new RuntimeRequest(request.method().name(), scheme, host, port, path, query(queryString), queryString,
                headers, url(scheme, host, port, defaultPort, path, queryString), body);
    }

    /** The Host header; over HTTP/2 (h2c, as the JDK's client tries first) the :authority. */
    private static String authority(HttpServerRequest request) {
        String host = request.getHeader("host");
        return host != null ? host : request.host();
    }

    /** Lower-case names, the first value of each, x-open-runtimes-* left out, then the enforced ones. */
    private static Map<String, String> headers(HttpServerRequest request, Map<String, String> enforced) {
        Map<String, String> headers = new HashMap<>(32);
        for (Map.Entry<String, String> header : request.headers()) {
            String name = header.getKey().toLowerCase(Locale.ROOT);
            if (!name.startsWith(RUNTIME_HEADERS)) {
                headers.putIfAbsent(name, header.getValue());
            }
        }
        headers.putAll(enforced);
        return headers;
    }

    /** Split on '&', each part on its first '='; empty names skipped, values as sent, the last duplicate wins. */
    static Map<String, String> query(String queryString) {
        Map<String, String> query = new HashMap<>();
        int start = 0;
        while (start <= queryString.length() && !queryString.isEmpty()) {
            int end = queryString.indexOf('&', start);
            if (end < 0) {
                end = queryString.length();
            }
            int equals = queryString.indexOf('=', start);
            if (equals < 0 || equals > end) {
                equals = end;
            }
            if (equals > start) {
                query.put(queryString.substring(start, equals), equals < end ? queryString.substring(equals + 1, end) : "");
            }
            start = end + 1;
        }
        return query;
    }

    static String url(String scheme, String host, int port, int defaultPort, String path, String queryString) {
        StringBuilder url = new StringBuilder(scheme.length() + host.length() + path.length() + queryString.length() + 16)
                .append(scheme).append("://");
        if (host.indexOf(':') >= 0) {
            url.append('[').append(host).append(']');
        } else {
            url.append(host);
        }
        if (port != defaultPort) {
            url.append(':').append(port);
        }
        url.append(path);
        if (!queryString.isEmpty()) {
            url.append('?').append(queryString);
        }
        return url.toString();
    }
}
