import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.vertx.core.AbstractVerticle;
import io.vertx.core.DeploymentOptions;
import io.vertx.core.Promise;
import io.vertx.core.Vertx;
import io.vertx.core.VertxOptions;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.core.http.HttpServerResponse;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * The benchmark's ceiling: the same work as the runtime, on raw Vert.x with nothing else.
 *
 * <p>Checks the challenge, reads the JSON body with Jackson's streaming parser, runs the
 * "function" on a worker thread under a timer deadline, and writes its answer. It is the
 * least a JVM server can do for one execution, so the runtime's figures are read as ratios
 * to it. Usage: {@code java Baseline <port> <send|json>}; the key is in INTERNAL_RUNTIME_KEY.
 */
public final class Baseline extends AbstractVerticle {

    private static final ObjectMapper MAPPER = new ObjectMapper();
    private static final ExecutorService WORKERS = Executors.newCachedThreadPool(task -> {
        Thread thread = new Thread(task, "function");
        thread.setDaemon(true);
        return thread;
    });

    private final int port;
    private final boolean json;
    private final byte[] key;

    private Baseline(int port, boolean json, byte[] key) {
        this.port = port;
        this.json = json;
        this.key = key;
    }

    public static void main(String[] args) {
        int port = Integer.parseInt(args[0]);
        boolean json = args[1].equals("json");
        byte[] key = System.getenv("INTERNAL_RUNTIME_KEY").getBytes(StandardCharsets.UTF_8);
        int loops = VertxOptions.DEFAULT_EVENT_LOOP_POOL_SIZE;
        Vertx vertx = Vertx.vertx(new VertxOptions().setEventLoopPoolSize(loops));
        // One verticle per event loop, as Quarkus does: connections spread over every loop.
        vertx.deployVerticle(() -> new Baseline(port, json, key), new DeploymentOptions().setInstances(loops));
    }

    @Override
    public void start(Promise<Void> started) {
        vertx.createHttpServer()
                .requestHandler(this::handle)
                .listen(port, "127.0.0.1")
                .<Void>mapEmpty()
                .onComplete(started);
    }

    private void handle(HttpServerRequest request) {
        String given = request.getHeader("x-internal-challenge");
        if (given == null || !MessageDigest.isEqual(key, given.getBytes(StandardCharsets.UTF_8))) {
            error(request.response(), 401, "Unauthorized");
            return;
        }
        request.body().onSuccess(body -> execute(request.response(), body));
    }

    private void execute(HttpServerResponse response, Buffer body) {
        Map<String, Object> execution;
        try {
            execution = decode(body.getBytes());
        } catch (Exception e) {
            error(response, 400, "The body is not valid JSON");
            return;
        }
        double seconds = execution.get("timeout") instanceof Double t ? t : 900;
        AtomicBoolean answered = new AtomicBoolean();
        long timer = vertx.setTimer((long) (seconds * 1000), id -> {
            if (answered.compareAndSet(false, true)) {
                error(response, 500, "Execution timed out");
            }
        });
        var context = vertx.getOrCreateContext();
        WORKERS.execute(() -> {
            byte[] answer = run(execution);
            context.runOnContext(ignored -> {
                vertx.cancelTimer(timer);
                if (answered.compareAndSet(false, true)) {
                    response.putHeader("Content-Type", json ? "application/json" : "text/plain; charset=utf-8")
                            .end(Buffer.buffer(answer));
                }
            });
        });
    }

    /** The two benchmark functions. */
    private byte[] run(Map<String, Object> execution) {
        if (!json) {
            return "ok".getBytes(StandardCharsets.UTF_8);
        }
        try {
            return MAPPER.writeValueAsBytes(Map.of(
                    "message", "Hello Open Runtimes",
                    "payloadLength", ((String) execution.getOrDefault("payload", "")).length(),
                    "ok", true));
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    /** payload, env, headers and timeout, in one streaming pass like the runtime's decoder. */
    private static Map<String, Object> decode(byte[] body) throws Exception {
        Map<String, Object> execution = new HashMap<>();
        if (body.length == 0) {
            return execution;
        }
        try (JsonParser parser = MAPPER.getFactory().createParser(body)) {
            if (parser.nextToken() != JsonToken.START_OBJECT) {
                throw new IllegalArgumentException("not an object");
            }
            while (parser.nextToken() == JsonToken.FIELD_NAME) {
                String field = parser.currentName();
                JsonToken value = parser.nextToken();
                switch (field) {
                    case "payload" -> execution.put(field, parser.getText());
                    case "timeout" -> execution.put(field, parser.getDoubleValue());
                    case "env", "headers" -> {
                        Map<String, String> map = new HashMap<>();
                        while (parser.nextToken() == JsonToken.FIELD_NAME) {
                            String name = parser.currentName();
                            parser.nextToken();
                            map.put(name, parser.getText());
                        }
                        execution.put(field, map);
                    }
                    default -> {
                        if (value.isStructStart()) {
                            parser.skipChildren();
                        }
                    }
                }
            }
        }
        return execution;
    }

    private static void error(HttpServerResponse response, int status, String message) {
        response.setStatusCode(status).putHeader("Content-Type", "application/json")
                .end("{\"code\":" + status + ",\"message\":\"" + message + "\"}");
    }
}
