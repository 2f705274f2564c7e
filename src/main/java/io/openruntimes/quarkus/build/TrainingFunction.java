package io.openruntimes.quarkus.build;

import io.openruntimes.quarkus.Request;
import io.openruntimes.quarkus.Response;
import java.util.Map;

/**
 * What build.sh's training run serves instead of the user's function: the runtime's own paths
 * (decoding, the deadline guard, text and JSON answers) get recorded in the class archive, and
 * the user's code never runs at build time, where its side effects would be a surprise.
 */
public final class TrainingFunction {

    public Response main(Request req, Response res) {
        if (req.getPayload().equals("text")) {
            return res.send("ok");
        }
        return res.json(Map.of("payload", req.getPayload(), "env", req.getEnv(), "headers", req.getHeaders()));
    }
}
