package io.openruntimes.java.src;

import io.openruntimes.java.RuntimeContext;
import io.openruntimes.java.RuntimeOutput;
import org.apache.commons.lang3.StringUtils;

/** As Appwrite's Java starter lays a function out: src/Main.java, a library from deps.gradle. */
public class Main {

    public RuntimeOutput main(RuntimeContext context) throws Exception {
        if (context.getReq().getPath().equals("/ping")) {
            return context.getRes().text(StringUtils.lowerCase("PONG"));
        }
        return context.getRes().json(java.util.Map.of("motto", "Build like a team of hundreds_"));
    }
}
