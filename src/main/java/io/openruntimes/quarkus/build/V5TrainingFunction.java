package io.openruntimes.quarkus.build;

import io.openruntimes.java.RuntimeContext;
import io.openruntimes.java.RuntimeOutput;
import java.util.Map;

/**
 * The v5 counterpart of {@link TrainingFunction}: what build.sh's training run serves when the
 * function speaks v5, so the class archive holds the v5 edge's paths (request fields, log files,
 * text and JSON answers) and the user's code never runs at build time.
 */
public final class V5TrainingFunction {

    public RuntimeOutput main(RuntimeContext context) {
        context.log("training", context.getReq().getPath());
        if (context.getReq().getPath().equals("/text")) {
            return context.getRes().text("ok");
        }
        return context.getRes().json(Map.of("path", context.getReq().getPath(), "query", context.getReq().getQuery(),
                "headers", context.getReq().getHeaders(), "body", context.getReq().getBody()));
    }
}
