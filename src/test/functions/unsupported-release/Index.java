package com.example;

import io.openruntimes.quarkus.Request;
import io.openruntimes.quarkus.Response;

/** The sample function: answers JSON with a greeting, or plain text when asked. */
public class Index {

    /** A record serialises as a JSON object, its fields in order. */
    public record Greeting(String message, String payload) {
    }

    public Response main(Request req, Response res) {
        String name = req.getEnv().getOrDefault("GREETING_NAME", "world");
        if (req.getPayload().equals("text")) {
            return res.send("Hello, " + name + "!");
        }
        return res.json(new Greeting("Hello, " + name + "!", req.getPayload()));
    }
}
