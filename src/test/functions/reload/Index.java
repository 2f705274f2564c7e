package com.example.reload;

import io.openruntimes.quarkus.Request;
import io.openruntimes.quarkus.Response;
import java.util.Map;

/** The dev-mode test's function: DevModeTest edits it while dev mode serves it. */
public class Index {

    public Response main(Request req, Response res) {
        System.out.println("payload " + req.getPayload());
        return res.json(Map.of(
                "greeting", Greeting.of(req.getPayload()),
                "version", 1));
    }
}
