package io.openruntimes.quarkus;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.Map;

/** A local stand-in for jsonplaceholder's /todos/{id}: test machines are offline. */
public final class TodoStandIn implements AutoCloseable {

    static final String FIRST = "{\"userId\":1,\"id\":1,\"title\":\"delectus aut autem\",\"completed\":false}";
    static final String SECOND = "{\"userId\":1,\"id\":2,\"title\":\"quis ut nam facilis et officia qui\",\"completed\":false}";
    private static final Map<String, String> BY_PATH = Map.of("/todos/1", FIRST, "/todos/2", SECOND);

    private final HttpServer server;

    public TodoStandIn() {
        try {
            server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        server.createContext("/todos/", exchange -> {
            String todo = BY_PATH.get(exchange.getRequestURI().getPath());
            byte[] body = (todo == null ? "{}" : todo).getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().add("Content-Type", "application/json");
            exchange.sendResponseHeaders(todo == null ? 404 : 200, body.length);
            exchange.getResponseBody().write(body);
            exchange.close();
        });
        server.start();
    }

    public String baseUrl() {
        return "http://127.0.0.1:" + server.getAddress().getPort();
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
