package io.openruntimes.quarkus;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/**
 * HTTP over a plain socket, byte for byte: what no HTTP client lets a test send (malformed
 * requests, broken framing, trickled headers), and what it sees come back, connection close included.
 */
public final class RawHttp implements AutoCloseable {

    /** One answer as it came: status, headers (names lower-cased), body; null status if none came. */
    public record Answer(Integer status, Map<String, String> headers, byte[] body) {
        public String text() {
            return new String(body, StandardCharsets.UTF_8);
        }

        public String header(String name) {
            return headers.get(name.toLowerCase(Locale.ROOT));
        }
    }

    private final Socket socket;
    private final InputStream in;

    public RawHttp(int port, Duration readTimeout) {
        try {
            socket = new Socket();
            socket.connect(new InetSocketAddress("127.0.0.1", port), 5000);
            socket.setSoTimeout((int) readTimeout.toMillis());
            in = socket.getInputStream();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public RawHttp send(String text) {
        return send(text.getBytes(StandardCharsets.ISO_8859_1));
    }

    public RawHttp send(byte[] bytes) {
        try {
            socket.getOutputStream().write(bytes);
            socket.getOutputStream().flush();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return this;
    }

    /** Sends what is left of the request, and says no more follows. */
    public void finish() {
        try {
            socket.shutdownOutput();
        } catch (IOException ignored) {
            // already closed by the server: what it answered is still to be read
        }
    }

    /** Reads one answer; its body by Content-Length (none for HEAD, 1xx, 204, 304). */
    public Answer read(boolean head) {
        try {
            String statusLine = line();
            if (statusLine == null) {
                return new Answer(null, Map.of(), new byte[0]);
            }
            String[] parts = statusLine.split(" ", 3);
            if (parts.length < 2 || !parts[0].startsWith("HTTP/1.")) {
                throw new AssertionError("not an HTTP status line: " + statusLine);
            }
            int status = Integer.parseInt(parts[1]);
            Map<String, String> headers = new LinkedHashMap<>();
            for (String line = line(); line != null && !line.isEmpty(); line = line()) {
                int colon = line.indexOf(':');
                headers.put(line.substring(0, colon).trim().toLowerCase(Locale.ROOT), line.substring(colon + 1).trim());
            }
            if (head || status < 200 || status == 204 || status == 304) {
                return new Answer(status, headers, new byte[0]);
            }
            if ("chunked".equalsIgnoreCase(headers.get("transfer-encoding"))) {
                return new Answer(status, headers, chunks());
            }
            int length = headers.containsKey("content-length") ? Integer.parseInt(headers.get("content-length")) : 0;
            return new Answer(status, headers, in.readNBytes(length));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Whether the server closed the connection (end of stream) before {@code limit}, nothing more sent. */
    public boolean closedWithin(Duration limit) {
        long deadline = System.nanoTime() + limit.toNanos();
        try {
            while (System.nanoTime() < deadline) {
                try {
                    int b = in.read();
                    if (b < 0) {
                        return true;
                    }
                    throw new AssertionError("more bytes after the answer: " + (char) b);
                } catch (SocketTimeoutException notYet) {
                    // keep waiting until the limit
                }
            }
            return false;
        } catch (IOException reset) {
            return true; // a reset is a close too
        }
    }

    private byte[] chunks() throws IOException {
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        for (int size = Integer.parseInt(line().split(";")[0].trim(), 16); size > 0;
                size = Integer.parseInt(line().split(";")[0].trim(), 16)) {
            body.write(in.readNBytes(size));
            line();
        }
        for (String trailer = line(); trailer != null && !trailer.isEmpty(); trailer = line()) {
            // trailers: none expected, skipped
        }
        return body.toByteArray();
    }

    private String line() throws IOException {
        ByteArrayOutputStream line = new ByteArrayOutputStream();
        int b;
        while ((b = in.read()) >= 0) {
            if (b == '\n') {
                String text = line.toString(StandardCharsets.ISO_8859_1);
                return text.endsWith("\r") ? text.substring(0, text.length() - 1) : text;
            }
            line.write(b);
        }
        return line.size() == 0 ? null : line.toString(StandardCharsets.ISO_8859_1);
    }

    @Override
    public void close() {
        try {
            socket.close();
        } catch (IOException ignored) {
            // nothing left to do
        }
    }
}
