package com.example.dev;

import io.openruntimes.java.RuntimeContext;
import io.openruntimes.java.RuntimeOutput;
import io.openruntimes.java.RuntimeRequest;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;

/** V5DevModeTest's function: it edits the code, the resource and breaks the compile while dev mode serves it. */
public class Index {

    public RuntimeOutput main(RuntimeContext context) throws Exception {
        RuntimeRequest req = context.getReq();
        if (req.getPath().equals("/sleep")) {
            Thread.sleep(10_000);
        }
        context.log("path", req.getPath());
        context.error("method", req.getMethod());
        Map<String, Object> answer = new LinkedHashMap<>();
        answer.put("greeting", Greeting.of(req.getQuery().getOrDefault("name", "dev")));
        answer.put("note", note());
        answer.put("method", req.getMethod());
        answer.put("path", req.getPath());
        answer.put("version", 1);
        return context.getRes().json(answer);
    }

    /** Read at every execution: a saved note.txt is the next answer's. */
    private static String note() throws IOException {
        try (InputStream in = Index.class.getClassLoader().getResourceAsStream("note.txt")) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8).strip();
        }
    }
}
