package com.example.intruder.hooks;

import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.container.PreMatching;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.Provider;

/** A JAX-RS provider: would see (and here, answer) every request. */
@Provider
@PreMatching
public class Teapot implements ContainerRequestFilter {

    @Override
    public void filter(ContainerRequestContext request) {
        request.abortWith(Response.status(418).entity("teapot").build());
    }
}
