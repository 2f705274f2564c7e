package io.openruntimes.training;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

/**
 * The executor's side of the training run of src/build/runtime-home.sh: a few executions of each kind against the
 * server serving {@link TrainingFunction}, so the class archive holds what real traffic loads.
 * JDK only, so training needs nothing the image may lack (curl, for one).
 *
 * <p>Usage: {@code java -cp <its classes> io.openruntimes.training.TrainingClient <url> <key> [classic|v5]}:
 * with {@code v5}, v5 executions (any path, {@code x-open-runtimes-secret}) against the v5 edge
 * serving {@link V5TrainingFunction}.
 */
public final class TrainingClient {

    private static final int ROUNDS = 25;

    private TrainingClient() {
    }

    public static void main(String[] args) throws Exception {
        URI server = URI.create(args[0] + "/");
        String key = args[1];
        HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();
        if (args.length > 2 && args[2].equals("v5")) {
            v5(http, URI.create(args[0]), key);
            return;
        }
        for (int i = 0; i < ROUNDS; i++) {
            send(http, server, key, "{\"payload\":\"{}\",\"env\":{\"A\":\"a\"},\"headers\":{\"x-a\":\"a\"},\"timeout\":5}");
            send(http, server, key, "{\"payload\":\"text\"}");
        }
        send(http, server, key, "{\"timeout\":\"x\"}"); // 400
        send(http, server, "wrong", "{}"); // 401
    }

    private static void v5(HttpClient http, URI server, String key) throws Exception {
        for (int i = 0; i < ROUNDS; i++) {
            v5(http, server.resolve("/text"), key, "GET", null, "enabled");
            v5(http, server.resolve("/json?a=1&b"), key, "POST", "{\"a\":[1,2]}", "enabled");
            v5(http, server.resolve("/text"), key, "GET", null, "disabled");
        }
        v5(http, server.resolve("/__opr/health"), "", "GET", null, "enabled");
        v5(http, server.resolve("/text"), "wrong", "GET", null, "enabled"); // 401
    }

    private static void v5(HttpClient http, URI uri, String key, String method, String body, String logging) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(uri).version(HttpClient.Version.HTTP_1_1)
                .timeout(Duration.ofSeconds(20))
                .header("x-open-runtimes-secret", key).header("x-open-runtimes-logging", logging)
                .header("x-open-runtimes-timeout", "5");
        if (body == null) {
            request.method(method, HttpRequest.BodyPublishers.noBody());
        } else {
            request.header("Content-Type", "application/json").method(method, HttpRequest.BodyPublishers.ofString(body));
        }
        http.send(request.build(), HttpResponse.BodyHandlers.discarding());
    }

    private static void send(HttpClient http, URI server, String key, String body) throws Exception {
        HttpRequest request = HttpRequest.newBuilder(server).timeout(Duration.ofSeconds(20))
                .header("Content-Type", "application/json")
                .header("x-internal-challenge", key)
                .POST(HttpRequest.BodyPublishers.ofString(body))
                .build();
        http.send(request, HttpResponse.BodyHandlers.discarding());
    }
}
