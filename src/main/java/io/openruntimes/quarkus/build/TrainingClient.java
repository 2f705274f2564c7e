package io.openruntimes.quarkus.build;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

/**
 * The executor's side of build.sh's training run: a few executions of each kind against the
 * server serving {@link TrainingFunction}, so the class archive holds what real traffic loads.
 * JDK only, so training needs nothing the image may lack (curl, for one).
 *
 * <p>Usage: {@code java -cp <runtime jar> io.openruntimes.quarkus.build.TrainingClient <url> <key>}
 */
public final class TrainingClient {

    private static final int ROUNDS = 25;

    private TrainingClient() {
    }

    public static void main(String[] args) throws Exception {
        URI server = URI.create(args[0] + "/");
        String key = args[1];
        HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();
        for (int i = 0; i < ROUNDS; i++) {
            send(http, server, key, "{\"payload\":\"{}\",\"env\":{\"A\":\"a\"},\"headers\":{\"x-a\":\"a\"},\"timeout\":5}");
            send(http, server, key, "{\"payload\":\"text\"}");
        }
        send(http, server, key, "{\"timeout\":\"x\"}"); // 400
        send(http, server, "wrong", "{}"); // 401
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
