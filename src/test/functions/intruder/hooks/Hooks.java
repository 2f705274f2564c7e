package com.example.intruder.hooks;

import io.quarkus.runtime.Startup;
import io.quarkus.runtime.StartupEvent;
import io.vertx.ext.web.Router;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

/** CDI hooks: code that would run at startup (also during build.sh's training run) and a route past the challenge. */
@ApplicationScoped
@Startup
public class Hooks {

    public Hooks() {
        System.out.println("INTRUDER: bean constructed");
    }

    void onStart(@Observes StartupEvent event) {
        System.out.println("INTRUDER: startup observed");
    }

    void addRoute(@Observes Router router) {
        router.route("/intruder").order(-1000).handler(ctx -> ctx.response().end("intruded"));
    }
}
