package io.openruntimes.java;

import com.google.gson.Gson;
import java.util.Map;

/** A function written for upstream's Java API: answers its path as JSON, made with Gson (dependencies.gradle). */
public class Tests {

    public RuntimeOutput main(RuntimeContext context) throws Exception {
        context.log("path", context.getReq().getPath());
        return context.getRes().text(new Gson().toJson(Map.of("path", context.getReq().getPath())));
    }
}
