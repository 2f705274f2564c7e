package io.openruntimes.quarkus.v5;

/** The host and port of a {@code Host} header (contract-v5 4.4, 8 #13). */
record HostPort(String host, int port) {

    /**
     * {@code example.com:8080}, {@code [::1]:3000} (host {@code ::1}); without a port, or with
     * one that is not a number from 0 to 65535, {@code defaultPort} (upstream fails the execution).
     */
    static HostPort parse(String authority, int defaultPort) {
        if (authority == null) {
            return new HostPort("", defaultPort);
        }
        String host = authority;
        int colon;
        int close = authority.startsWith("[") ? authority.indexOf(']') : -1;
        if (close > 0) {
            host = authority.substring(1, close);
            colon = authority.indexOf(':', close);
        } else {
            colon = authority.indexOf(':');
            if (colon >= 0) {
                host = authority.substring(0, colon);
            }
        }
        return new HostPort(host, colon < 0 ? defaultPort : port(authority.substring(colon + 1), defaultPort));
    }

    private static int port(String text, int defaultPort) {
        try {
            int port = Integer.parseInt(text);
            return port >= 0 && port <= 65535 ? port : defaultPort;
        } catch (NumberFormatException e) {
            return defaultPort;
        }
    }
}
