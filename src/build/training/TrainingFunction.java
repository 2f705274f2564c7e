package io.openruntimes.training;

import io.openruntimes.quarkus.Request;
import io.openruntimes.quarkus.Response;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Map;

/**
 * What the runtime home's classic training run serves, from a function folder as a deployment is
 * served: the runtime's paths (loading a function in a class loader of its own, decoding, the
 * deadline guard, text and JSON answers, a resource read through the function's loader) get
 * recorded in the class archive. No user's code runs when the home is made.
 */
public final class TrainingFunction {

    public Response main(Request req, Response res) {
        if (req.getPayload().equals("text")) {
            return res.send("ok");
        }
        return res.json(Map.of("payload", req.getPayload(), "env", req.getEnv(), "headers", req.getHeaders(),
                "resource", resource()));
    }

    /** The training folder's own file, found as a function finds its resources: its thread's context loader. */
    static String resource() {
        try (InputStream in = Thread.currentThread().getContextClassLoader().getResourceAsStream("training.txt")) {
            return in == null ? "" : new String(in.readAllBytes(), StandardCharsets.UTF_8).strip();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
