import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.util.ByteArrayBuilder;
import io.vertx.core.AbstractVerticle;
import io.vertx.core.Context;
import io.vertx.core.DeploymentOptions;
import io.vertx.core.Promise;
import io.vertx.core.Vertx;
import io.vertx.core.VertxOptions;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpHeaders;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.core.http.HttpServerResponse;
import java.io.FileOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * The benchmark's ceiling: the least a raw Vert.x server can do for one execution, so the
 * runtime's figures read as honest ratios to it.
 *
 * <p>It does the work an execution needs and nothing else: checks the secret, reads the body,
 * runs the "function" on a worker thread under a timer deadline, and writes its answer. No
 * databind, no router, no intermediate maps. Usage:
 * {@code java Baseline <port> <send|json> <classic|v5> [logs dir]}; the key comes from
 * BENCH_KEY.
 * <ul>
 * <li>classic: {@code POST /} with {@code x-internal-challenge}; the JSON execution is read in one
 * streaming pass (payload kept, the rest skipped), as the runtime's decoder does;
 * <li>v5: any path with {@code x-open-runtimes-secret}; the body is the function's input as is;
 * with a logs folder, each execution opens and closes its two log files, as the contract asks.
 * </ul>
 */
public final class Baseline extends AbstractVerticle {

    private static final JsonFactory JSON = new JsonFactory();
    private static final Buffer OK = Buffer.buffer("ok");
    private static final String TEXT = "text/plain; charset=utf-8";
    private static final ExecutorService WORKERS = Executors.newCachedThreadPool(task -> {
        Thread thread = new Thread(task, "function");
        thread.setDaemon(true);
        return thread;
    });

    private final int port;
    private final boolean json;
    private final boolean v5;
    private final String logs;
    private final byte[] key;

    private Baseline(int port, boolean json, boolean v5, String logs, byte[] key) {
        this.port = port;
        this.json = json;
        this.v5 = v5;
        this.logs = logs;
        this.key = key;
    }

    public static void main(String[] args) {
        int port = Integer.parseInt(args[0]);
        boolean json = args[1].equals("json");
        boolean v5 = args.length > 2 && args[2].equals("v5");
        String logs = args.length > 3 ? args[3] : null;
        byte[] key = System.getenv("BENCH_KEY").getBytes(StandardCharsets.UTF_8);
        int loops = VertxOptions.DEFAULT_EVENT_LOOP_POOL_SIZE;
        Vertx vertx = Vertx.vertx(new VertxOptions().setEventLoopPoolSize(loops));
        // One verticle per event loop, as Quarkus does: connections spread over every loop.
        vertx.deployVerticle(() -> new Baseline(port, json, v5, logs, key), new DeploymentOptions().setInstances(loops));
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
        String given = request.getHeader(v5 ? "x-open-runtimes-secret" : "x-internal-challenge");
        if (given == null || !MessageDigest.isEqual(key, given.getBytes(StandardCharsets.UTF_8))) {
            request.response().setStatusCode(401).end("Unauthorized");
            return;
        }
        request.body().onSuccess(body -> execute(request.response(), body));
    }

    private void execute(HttpServerResponse response, Buffer body) {
        String input;
        try {
            input = v5 ? body.toString(StandardCharsets.UTF_8) : payload(body.getBytes());
        } catch (IOException e) {
            response.setStatusCode(400).end("The body is not valid JSON");
            return;
        }
        AtomicBoolean answered = new AtomicBoolean();
        long timer = vertx.setTimer(30_000, id -> {
            if (answered.compareAndSet(false, true)) {
                response.setStatusCode(500).end();
            }
        });
        Context context = vertx.getOrCreateContext();
        WORKERS.execute(() -> {
            String logId = v5 ? logId() : null;
            Buffer answer = v5 && logs != null ? runLogged(input, logId) : run(input);
            context.runOnContext(ignored -> {
                vertx.cancelTimer(timer);
                if (answered.compareAndSet(false, true)) {
                    if (logId != null) {
                        response.putHeader("x-open-runtimes-log-id", logId);
                    }
                    response.putHeader(HttpHeaders.CONTENT_TYPE, json ? "application/json" : TEXT).end(answer);
                }
            });
        });
    }

    /** The two benchmark functions: "ok", or a three-key JSON object. */
    private Buffer run(String input) {
        if (!json) {
            return OK;
        }
        try (ByteArrayBuilder bytes = new ByteArrayBuilder(64); JsonGenerator out = JSON.createGenerator(bytes)) {
            out.writeStartObject();
            out.writeStringField("message", "Hello Open Runtimes");
            out.writeNumberField("payloadLength", input.length());
            out.writeBooleanField("ok", true);
            out.writeEndObject();
            out.flush();
            return Buffer.buffer(bytes.toByteArray());
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The function with its execution's two log files open around it, as v5 wants them. */
    private Buffer runLogged(String input, String logId) {
        try (FileOutputStream out = new FileOutputStream(logs + "/" + logId + "_logs.log", true);
                FileOutputStream err = new FileOutputStream(logs + "/" + logId + "_errors.log", true)) {
            return run(input);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    /** A fresh 20-hex-digit id, as v5's executors expect one. */
    private static String logId() {
        long seconds = System.currentTimeMillis() / 1000;
        return String.format("%08x%05x%07x", seconds, (System.nanoTime() / 1000) % 1000,
                ThreadLocalRandom.current().nextInt(0x10000000));
    }

    /** The execution's {@code payload}, in one streaming pass; every other field is skipped. */
    private static String payload(byte[] body) throws IOException {
        if (body.length == 0) {
            return "";
        }
        String payload = "";
        try (JsonParser parser = JSON.createParser(body)) {
            if (parser.nextToken() != JsonToken.START_OBJECT) {
                throw new IOException("not an object");
            }
            while (parser.nextToken() == JsonToken.FIELD_NAME) {
                String field = parser.currentName();
                parser.nextToken();
                if (field.equals("payload")) {
                    payload = parser.getText();
                } else {
                    parser.skipChildren();
                }
            }
        }
        return payload;
    }
}
