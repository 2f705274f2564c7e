package io.openruntimes.quarkus.edge;

import java.nio.charset.StandardCharsets;

/**
 * How the protocol this process speaks words an error the edge answers on its own: before any
 * function runs, and often before Quarkus sees the request (a malformed request, a body over the
 * limit, a caller without the secret).
 *
 * <p>The active edge installs its form with {@link EdgeGuard#speak(ErrorForm)}; until then, and
 * for an edge that never does, the answer is the message as plain text.
 */
public interface ErrorForm {

    /** The message alone, as text: the form of an edge that has no schema of its own. */
    ErrorForm TEXT = new ErrorForm() {
        @Override
        public String contentType() {
            return "text/plain; charset=utf-8";
        }

        @Override
        public byte[] body(int status, String message) {
            return message.getBytes(StandardCharsets.UTF_8);
        }
    };

    /** The answer's Content-Type. */
    String contentType();

    /** The answer's body for {@code status} and a message meant for the caller. */
    byte[] body(int status, String message);
}
