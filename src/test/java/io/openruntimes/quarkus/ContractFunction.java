package io.openruntimes.quarkus;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** A function whose payload says what to do, so one process can exercise every row of the contract. */
public class ContractFunction {

    private static final java.util.concurrent.atomic.AtomicInteger CALLS = new java.util.concurrent.atomic.AtomicInteger();

    static int calls() {
        return CALLS.get();
    }

    record Greeting(String message, List<Integer> numbers) {
    }

    public Response main(Request req, Response res) throws Exception {
        CALLS.incrementAndGet();
        String payload = req.getPayload();
        String command = payload.contains(":") ? payload.substring(0, payload.indexOf(':')) : payload;
        String argument = payload.contains(":") ? payload.substring(payload.indexOf(':') + 1) : "";
        switch (command) {
            case "echo":
                Map<String, Object> echo = new LinkedHashMap<>();
                echo.put("payload", req.getPayload());
                echo.put("env", req.getEnv());
                echo.put("headers", req.getHeaders());
                return res.json(echo);
            case "digest":
                // What arrived, without sending it back: its length and SHA-256.
                byte[] bytes = payload.getBytes(java.nio.charset.StandardCharsets.UTF_8);
                return res.send(bytes.length + " " + java.util.HexFormat.of().formatHex(
                        java.security.MessageDigest.getInstance("SHA-256").digest(bytes)));
            case "record":
                return res.json(new Greeting("hi ✓", List.of(1, 2)), 201);
            case "status":
                return res.send("status " + argument, Integer.parseInt(argument));
            case "throw":
                return fail(argument);
            case "null":
                return null;
            case "sleep":
                Thread.sleep(Long.parseLong(argument));
                return res.send("slept " + argument);
            case "print":
                return print(argument, res);
            case "spin":
                return spin(Long.parseLong(argument), res);
            default:
                return res.send(payload.isEmpty() ? "ok" : payload);
        }
    }

    private Response fail(String message) {
        try {
            Integer.parseInt("not a number");
            return null;
        } catch (NumberFormatException e) {
            throw new IllegalStateException(message, e);
        }
    }

    /** Prints to both streams, from this thread and one it starts, and a last line without a newline. */
    private static Response print(String marker, Response res) throws InterruptedException {
        System.out.println("out " + marker);
        System.err.println("err " + marker);
        Thread child = new Thread(() -> System.out.println("child " + marker));
        child.start();
        child.join();
        Thread.sleep(50); // overlaps the other executions printing at the same time
        System.out.print("tail " + marker);
        return res.send(marker);
    }

    /** Busy for {@code millis}, deaf to interrupts: the worst a function can do to its thread. */
    private static Response spin(long millis, Response res) {
        long end = System.nanoTime() + millis * 1_000_000;
        long spins = 0;
        while (System.nanoTime() < end) {
            spins++;
        }
        return res.send("spun " + spins);
    }
}
