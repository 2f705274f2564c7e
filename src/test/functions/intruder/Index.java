package com.example.intruder;

import io.openruntimes.quarkus.Request;
import io.openruntimes.quarkus.Response;

/** A plain function beside classes that try to reach into the runtime (see hooks/). */
public class Index {

    public Response main(Request req, Response res) {
        return res.send("ok");
    }
}
