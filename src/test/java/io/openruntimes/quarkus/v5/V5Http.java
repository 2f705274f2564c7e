package io.openruntimes.quarkus.v5;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/** What the v5 tests share: raw HTTP on a socket, and an execution's log files. */
final class V5Http {

    private V5Http() {
    }

    /** Sends {@code head} (the request line and headers, CRLF-separated, ending with a blank line) and reads until the server closes. */
    static String raw(int port, String head, byte[] after, int timeoutMillis) throws IOException {
        try (Socket socket = new Socket("127.0.0.1", port)) {
            socket.setSoTimeout(timeoutMillis);
            OutputStream out = socket.getOutputStream();
            out.write(head.getBytes(StandardCharsets.ISO_8859_1));
            if (after != null) {
                out.write(after);
            }
            out.flush();
            InputStream in = socket.getInputStream();
            return new String(in.readAllBytes(), StandardCharsets.ISO_8859_1);
        }
    }

    static String errors(String id) throws IOException {
        return read(V5Profile.logs().resolve(id + "_errors.log"));
    }

    static String read(Path file) throws IOException {
        assertTrue(Files.exists(file), file + " exists");
        return Files.readString(file);
    }
}
