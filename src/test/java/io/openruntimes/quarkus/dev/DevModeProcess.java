package io.openruntimes.quarkus.dev;

import io.openruntimes.quarkus.scripts.Scripts;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * {@code dev.sh} on a function folder, as a child process of the test, with its output in a log
 * file. {@link #stop()} ends it and everything it started (Maven when started through it, the
 * runtime's JVM), whatever state it is in; a shutdown hook does the same if the test JVM itself
 * is stopped first.
 */
final class DevModeProcess implements AutoCloseable {

    /** Generous: the first start may make the runtime home (src/build/runtime-home.sh), on a shared machine. */
    static final Duration START_TIMEOUT = Duration.ofMinutes(6);
    /** A call may wait for a compile and a restart. */
    private static final Duration CALL_TIMEOUT = Duration.ofMinutes(2);
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();

    private final Process process;
    private final Path log;
    private final Path workspace;
    private final int port;
    private final Thread cleanup;

    private DevModeProcess(Process process, Path log, Path workspace, int port) {
        this.process = process;
        this.log = log;
        this.workspace = workspace;
        this.port = port;
        this.cleanup = new Thread(this::stop, "dev-mode-cleanup");
        Runtime.getRuntime().addShutdownHook(cleanup);
    }

    /** {@code dev.sh} on a copy of {@code src/test/functions/<name>} in {@code temp} (there: {@code <name>}), listening. */
    static DevModeProcess serveCopy(Path runtimeRoot, String name, Path temp) throws IOException, InterruptedException {
        Path function = temp.resolve(name);
        Scripts.copy(runtimeRoot.resolve("src/test/functions").resolve(name), function);
        return serve(runtimeRoot, function, temp);
    }

    /** {@code dev.sh <function>}, its workspace and log in {@code temp}, listening. */
    static DevModeProcess serve(Path runtimeRoot, Path function, Path temp) throws IOException, InterruptedException {
        DevModeProcess devMode = start(runtimeRoot, function, temp.resolve("workspace"), temp.resolve("dev.log"));
        try {
            devMode.awaitListening(START_TIMEOUT);
            return devMode;
        } catch (AssertionError | InterruptedException e) {
            devMode.close();
            throw e;
        }
    }

    /** Stops the dev mode a test class started, if it got that far. */
    static void stop(DevModeProcess devMode) {
        if (devMode != null) {
            devMode.close();
        }
    }

    /** Starts {@code dev.sh <function>} on a free port, with no key and no stdin. */
    static DevModeProcess start(Path runtimeRoot, Path function, Path workspace, Path log) throws IOException {
        return start(List.of("bash", runtimeRoot.resolve("dev.sh").toString(), function.toString()), runtimeRoot, workspace, log);
    }

    /** The same through the Quarkus habit: {@code ./mvnw quarkus:dev -Dfunction=<function>}. */
    static DevModeProcess startWithMaven(Path runtimeRoot, Path function, Path workspace, Path log) throws IOException {
        return start(List.of(runtimeRoot.resolve("mvnw").toString(), "-B", "quarkus:dev", "-Dfunction=" + function),
                runtimeRoot, workspace, log);
    }

    private static DevModeProcess start(List<String> command, Path runtimeRoot, Path workspace, Path log) throws IOException {
        int port = Scripts.freePort();
        ProcessBuilder builder = new ProcessBuilder(command)
                .directory(runtimeRoot.toFile())
                .redirectErrorStream(true)
                .redirectOutput(log.toFile())
                .redirectInput(ProcessBuilder.Redirect.from(new java.io.File("/dev/null")));
        builder.environment().put("QUARKUS_HTTP_PORT", Integer.toString(port));
        builder.environment().put("OPENRUNTIMES_DEV_WORKSPACE", workspace.toString());
        // Dev mode as a function's author runs it: without the executor's key.
        builder.environment().remove("INTERNAL_RUNTIME_KEY");
        return new DevModeProcess(builder.start(), log, workspace, port);
    }

    int port() {
        return port;
    }

    /** One execution as the executor sends it, {@code POST /} with a JSON body; it may wait for a compile and a restart. */
    HttpResponse<String> execute(String jsonBody) throws IOException, InterruptedException {
        HttpRequest request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/"))
                .timeout(CALL_TIMEOUT)
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(jsonBody))
                .build();
        return HTTP.send(request, HttpResponse.BodyHandlers.ofString());
    }

    /** A v5 execution: any method and path, the headers given (no secret: dev mode has none). */
    HttpResponse<String> send(String method, String path, Map<String, String> headers) throws IOException, InterruptedException {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
                .timeout(CALL_TIMEOUT)
                .method(method, HttpRequest.BodyPublishers.noBody());
        headers.forEach(request::header);
        return HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    /** A v5 execution's log file ({@code <log id>_logs.log} or {@code _errors.log}), as the executor would read it. */
    String logFile(String name) throws IOException {
        Path file = workspace.resolve("logs").resolve(name);
        return Files.exists(file) ? Files.readString(file) : "";
    }

    /** Runs {@code dev.sh} on a folder it must refuse: "exit <status>", then its output. */
    static String refused(Path runtimeRoot, Path function, Path workspace) throws IOException, InterruptedException {
        ProcessBuilder builder = new ProcessBuilder("bash", runtimeRoot.resolve("dev.sh").toString(), function.toString())
                .directory(runtimeRoot.toFile()).redirectErrorStream(true)
                .redirectInput(ProcessBuilder.Redirect.from(new java.io.File("/dev/null")));
        builder.environment().put("OPENRUNTIMES_DEV_WORKSPACE", workspace.toString());
        builder.environment().put("QUARKUS_HTTP_PORT", Integer.toString(Scripts.freePort()));
        Process process = builder.start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (!process.waitFor(3, TimeUnit.MINUTES)) {
            process.destroyForcibly();
            throw new AssertionError("dev.sh did not stop on " + function + ":\n" + output);
        }
        return "exit " + process.exitValue() + "\n" + output;
    }

    /** Saves {@code file} of {@code folder} with one replacement, as an editor would; answers when (nanoTime). */
    static long edit(Path folder, String file, String from, String to) throws IOException {
        Path path = folder.resolve(file);
        String source = Files.readString(path);
        if (!source.contains(from)) {
            throw new AssertionError(file + " does not contain " + from);
        }
        Files.writeString(path, source.replace(from, to));
        return System.nanoTime();
    }

    /** Waits until the server accepts connections; fails early, with the log, if dev.sh exits. */
    void awaitListening(Duration timeout) throws InterruptedException {
        Instant deadline = Instant.now().plus(timeout);
        while (Instant.now().isBefore(deadline)) {
            if (!process.isAlive()) {
                throw new AssertionError("dev.sh exited with " + process.exitValue() + " before listening:\n" + logTail());
            }
            try (Socket socket = new Socket("127.0.0.1", port)) {
                return;
            } catch (IOException notYet) {
                TimeUnit.MILLISECONDS.sleep(250);
            }
        }
        throw new AssertionError("dev mode did not listen on port " + port + " within " + timeout + ":\n" + logTail());
    }

    String log() {
        try {
            return Files.readString(log, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** What was logged before the server listened: the start log a function's author reads. */
    String startLog() {
        String text = log();
        int listening = text.indexOf("Listening on:");
        return listening < 0 ? text : text.substring(0, text.indexOf('\n', listening) + 1);
    }

    String logTail() {
        String text = log();
        return text.length() > 6000 ? "..." + text.substring(text.length() - 6000) : text;
    }

    @Override
    public void close() {
        stop();
        try {
            Runtime.getRuntime().removeShutdownHook(cleanup);
        } catch (IllegalStateException shuttingDown) {
            // the hook is running or about to: nothing to remove
        }
    }

    /**
     * SIGTERM to every process of the tree, listed while they are still linked to their parents
     * (Maven dying first would orphan the JVM it forked), then SIGKILL to whatever is left after
     * a grace period.
     */
    private void stop() {
        List<ProcessHandle> tree = new ArrayList<>(process.descendants().toList());
        tree.add(process.toHandle());
        tree.forEach(ProcessHandle::destroy);
        Instant deadline = Instant.now().plusSeconds(20);
        for (ProcessHandle handle : tree) {
            long left = Math.max(0, Duration.between(Instant.now(), deadline).toMillis());
            try {
                handle.onExit().get(left, TimeUnit.MILLISECONDS);
            } catch (Exception stillAlive) {
                handle.destroyForcibly();
            }
        }
    }
}
