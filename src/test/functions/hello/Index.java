package com.example;

import io.openruntimes.quarkus.Request;
import io.openruntimes.quarkus.Response;
import java.util.Map;

/** The sample function: answers JSON with a greeting, or plain text when asked. */
public class Index {

    public Response main(Request req, Response res) {
        String name = req.getEnv().getOrDefault("GREETING_NAME", "world");
        if (req.getPayload().equals("text")) {
            return res.send("Hello, " + name + "!");
        }
        return res.json(Map.of(
                "message", "Hello, " + name + "!",
                "payload", req.getPayload()));
    }
}
