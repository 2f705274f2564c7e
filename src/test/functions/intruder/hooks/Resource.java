package com.example.intruder.hooks;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;

/** A JAX-RS resource: would answer beside the runtime's own. */
@Path("/resource")
public class Resource {

    @GET
    public String get() {
        return "resource";
    }

    @POST
    public String post() {
        return "resource";
    }
}
