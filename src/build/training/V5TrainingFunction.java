package io.openruntimes.training;

import io.openruntimes.java.RuntimeContext;
import io.openruntimes.java.RuntimeOutput;
import java.util.Map;

/**
 * The v5 counterpart of {@link TrainingFunction}: what the runtime home's v5 training run serves
 * from a function folder, so the class archive holds the v5 edge's paths (request fields, log
 * files, text and JSON answers) and the loading of a function, and no user's code runs.
 */
public final class V5TrainingFunction {

    public RuntimeOutput main(RuntimeContext context) {
        context.log("training", context.getReq().getPath());
        if (context.getReq().getPath().equals("/text")) {
            return context.getRes().text("ok");
        }
        return context.getRes().json(Map.of("path", context.getReq().getPath(), "query", context.getReq().getQuery(),
                "headers", context.getReq().getHeaders(), "body", context.getReq().getBody(),
                "resource", TrainingFunction.resource()));
    }
}
