package io.openruntimes.java;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The v5 edge's test function: the path picks what it does, one case for each row of contract-v5. */
public class V5ContractFunction {

    /** Counts instances: the runtime makes one per execution. */
    static final java.util.concurrent.atomic.AtomicInteger INSTANCES = new java.util.concurrent.atomic.AtomicInteger();

    private final int instance = INSTANCES.incrementAndGet();

    public RuntimeOutput main(RuntimeContext context) throws Exception {
        RuntimeRequest req = context.getReq();
        RuntimeResponse res = context.getRes();
        String id = req.getHeaders().getOrDefault("x-test-id", "none");
        String route = req.getPath().startsWith("/echo") ? "/echo" : req.getPath();
        switch (route) {
            case "/text":
                return res.text("hello ✓");
            case "/dependency": // Gson, from the function's dependencies.gradle when the helpers build it
                return res.text(new com.google.gson.Gson().toJson(List.of("gson", 1)));
            case "/instance":
                return res.text(Integer.toString(instance));
            case "/status":
                return res.text("teapot", 418);
            case "/send":
                return res.send("sent", 201, Map.of("x-sent", "yes"));
            case "/binary":
                return res.binary(new byte[] {0, 1, 2, (byte) 0xff});
            case "/json":
                Map<String, Object> json = new LinkedHashMap<>();
                json.put("a", 1);
                json.put("nothing", null);
                json.put("list", List.of("x", 2.5));
                return res.json(json);
            case "/json-headers":
                return res.json(Map.of("ok", true), 201, Map.of("x-json", "1"));
            case "/redirect":
                return res.redirect("https://example.com/next");
            case "/redirect-302":
                return res.redirect("/elsewhere", 302, Map.of("x-r", "1"));
            case "/empty":
                return res.empty();
            case "/headers":
                Map<String, String> headers = new HashMap<>();
                headers.put("X-Custom-Header", "Value");
                headers.put("x-open-runtimes-secret-leak", "hidden");
                headers.put("cookie", "a=b; c=d");
                headers.put("Content-Type", "Text/HTML");
                return res.text("<b>hi</b>", 200, headers);
            case "/content-type":
                return res.text("typed", 200, Map.of("content-type", req.getHeaders().get("x-type")));
            case "/cookies":
                return res.text("cookies").addHeader("Set-Cookie", "a=1; Path=/").addHeader("Set-Cookie", "b=2; HttpOnly");
            case "/immutable":
                Map<String, String> fixed = Map.of("x-fixed", "1");
                RuntimeOutput json2 = res.json(Map.of("k", "v"), 200, fixed);
                RuntimeOutput redirect = res.redirect("/r", 301, fixed);
                return res.text(fixed.size() + " " + json2.getHeaders().get("content-type") + " " + redirect.getHeaders().get("location"),
                        200, fixed);
            case "/last-wins":
                res.text("not me", 500);
                return res.text("me");
            case "/echo":
                Map<String, Object> echo = new LinkedHashMap<>();
                echo.put("method", req.getMethod());
                echo.put("scheme", req.getScheme());
                echo.put("host", req.getHost());
                echo.put("port", req.getPort());
                echo.put("path", req.getPath());
                echo.put("query", req.getQuery());
                echo.put("queryString", req.getQueryString());
                echo.put("url", req.getUrl());
                echo.put("headers", req.getHeaders());
                echo.put("text", req.getBodyText());
                echo.put("raw", req.getBodyRaw());
                echo.put("length", req.getBodyBinary().length);
                return res.json(echo);
            case "/body-json":
                return res.json(Map.of("json", req.getBodyJson()));
            case "/body":
                Object body = req.getBody();
                return res.json(Map.of("type", body instanceof Map ? "map" : "string", "body", body));
            case "/size":
                return res.text(Integer.toString(req.getBodyBinary().length) + " " + Arrays.hashCode(req.getBodyBinary()));
            case "/large":
                byte[] large = new byte[17 * 1000 * 1000];
                Arrays.fill(large, (byte) 'x');
                return res.binary(large);
            case "/log":
                context.log("one", 42, 4.2, true, "Log+With+Plus+Symbol");
                context.log(Map.of("k", "v"));
                context.log(new ArrayList<>(List.of(1, "two")));
                context.error("bad", 7);
                return res.text("logged");
            case "/long-log":
                context.log("x".repeat(9000));
                context.error("y".repeat(8000));
                return res.text("long");
            case "/throw":
                context.log("before the throw");
                throw new IllegalStateException("thrown on purpose");
            case "/null":
                return null;
            case "/timeout":
                context.log("Timeout start.");
                Thread.sleep(Long.parseLong(req.getHeaders().getOrDefault("x-sleep", "3000")));
                context.log("Timeout end.");
                return res.text("slept");
            case "/native":
                System.out.println("native out " + id);
                // The process's own logging (the JDK's API, which the runtime routes to its log): never the execution's.
                java.util.logging.Logger.getLogger("io.openruntimes.quarkus.RuntimeLine").info("runtime line " + id);
                Thread child = new Thread(() -> System.out.println("native child " + id));
                child.start();
                child.join();
                for (int i = 0; i < 5; i++) {
                    System.err.println("native err " + id + " " + i);
                    Thread.sleep(10);
                }
                context.log("context " + id);
                return res.text(id);
            case "/lines":
                for (int i = 0; i < 200; i++) {
                    context.log(id + " " + "z".repeat(500) + " " + id);
                }
                return res.text(id);
            default:
                return res.text("path " + req.getPath());
        }
    }
}
