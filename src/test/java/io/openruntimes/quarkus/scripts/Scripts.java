package io.openruntimes.quarkus.scripts;

import static io.restassured.RestAssured.given;

import io.restassured.specification.RequestSpecification;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * Runs the real build.sh and start.sh the way the executor does, with the container's paths
 * moved into a scratch folder through the scripts' documented overrides.
 */
public final class Scripts {

    public static final Path RUNTIME = Path.of(System.getProperty("runtime.root", "")).toAbsolutePath();
    /** The test functions, one folder each. */
    public static final Path FUNCTIONS = RUNTIME.resolve("src/test/functions");
    public static final String KEY = "e2e-secret";

    private Scripts() {
    }

    /** What build.sh did: its exit code, everything it printed, and the code folder it built. */
    public record Build(int exitCode, String output, Path code) {
        public Path archive() {
            return code.resolve("code.tar.gz");
        }
    }

    /** Copies {@code function} to {@code scratch/code} and runs build.sh on it. */
    public static Build build(Path function, String entrypoint, Path scratch) {
        return build(function, entrypoint, scratch, Map.of());
    }

    /** Builds the test function {@code src/test/functions/<name>} (entrypoint Index.java), failing if the build does. */
    public static Build buildTestFunction(String name, Path scratch) {
        Build build = build(FUNCTIONS.resolve(name), "Index.java", scratch);
        if (build.exitCode() != 0) {
            throw new AssertionError("build.sh exited with " + build.exitCode() + ":\n" + build.output());
        }
        return build;
    }

    /** The same, with more variables for build.sh. */
    public static Build build(Path function, String entrypoint, Path scratch, Map<String, String> extraEnv) {
        Path code = scratch.resolve("code");
        copy(function, code);
        Path log = scratch.resolve("build.log");
        Map<String, String> env = new HashMap<>(extraEnv);
        env.put("OPENRUNTIMES_CODE_DIR", code.toString());
        env.put("OPENRUNTIMES_WORKSPACE", scratch.resolve("workspace").toString());
        env.put("INTERNAL_RUNTIME_ENTRYPOINT", entrypoint);
        Process process = launch(List.of(RUNTIME.resolve("build.sh").toString()), env, log);
        int exit = waitFor(process, Duration.ofMinutes(5));
        return new Build(exit, read(log), code);
    }

    /** The runtime home of this checkout (target/runtime), made by src/build/runtime-home.sh where missing or stale. */
    public static Path runtimeHome() {
        Path log = RUNTIME.resolve("target/runtime-home-test.log");
        Path home = RUNTIME.resolve("target/runtime");
        Map<String, String> env = new HashMap<>();
        env.put("OPENRUNTIMES_RUNTIME_HOME", null);
        run(List.of(RUNTIME.resolve("src/build/runtime-home.sh").toString()), env, log, Duration.ofMinutes(10), home);
        return home;
    }

    /** Runs the scaffold, {@code src/scaffold/new-function.sh [options] <folder>}; fails with its output if it does. */
    public static Path scaffold(Path folder, String... options) {
        List<String> command = new java.util.ArrayList<>(List.of(RUNTIME.resolve("src/scaffold/new-function.sh").toString()));
        command.addAll(List.of(options));
        command.add(folder.toString());
        return run(command, Map.of(), folder.resolveSibling(folder.getFileName() + "-scaffold.log"), Duration.ofMinutes(2), folder);
    }

    /** Runs the wrapped Maven on a function folder's own pom.xml, as its author would; fails with the output if it does. */
    public static void mavenInFunction(Path folder, String... arguments) {
        List<String> command = new java.util.ArrayList<>(List.of(RUNTIME.resolve("mvnw").toString(), "-B", "-f",
                folder.resolve("pom.xml").toString()));
        command.addAll(List.of(arguments));
        run(command, Map.of(), folder.resolveSibling(folder.getFileName() + "-maven.log"), Duration.ofMinutes(3), folder);
    }

    private static Path run(List<String> command, Map<String, String> env, Path log, Duration limit, Path result) {
        int exit = waitFor(launch(command, env, log), limit);
        if (exit != 0) {
            throw new AssertionError(String.join(" ", command) + " exited with " + exit + ":\n" + read(log));
        }
        return result;
    }

    /** Starts start.sh on a build's archive, on a free port, and waits until it listens. */
    public static Server start(Build build, Path scratch, Map<String, String> extraEnv) {
        Server server = launchStart(build, scratch, extraEnv);
        server.awaitListening(Duration.ofSeconds(60));
        return server;
    }

    /** Launches start.sh without waiting; {@code extraEnv} may replace the key, or blank it. */
    public static Server launchStart(Build build, Path scratch, Map<String, String> extraEnv) {
        Path archive = scratch.resolve("tmp/code.tar.gz");
        copy(build.archive(), archive);
        int port = freePort();
        Map<String, String> env = new HashMap<>(extraEnv);
        env.put("OPENRUNTIMES_CODE_ARCHIVE", archive.toString());
        env.put("OPENRUNTIMES_SERVER_DIR", scratch.resolve("server").toString());
        if (!env.containsKey("INTERNAL_RUNTIME_KEY")) { // a null value means: leave it unset
            env.put("INTERNAL_RUNTIME_KEY", KEY);
        }
        env.put("QUARKUS_HTTP_PORT", Integer.toString(port));
        Path log = scratch.resolve("start.log");
        return new Server(launch(List.of(RUNTIME.resolve("start.sh").toString()), env, log), port, log);
    }

    /**
     * A runtime started by start.sh: its process is the supervisor (supervise.sh), the server's JVM
     * its child. Closing it sends SIGTERM, then SIGKILL if it must.
     */
    public static final class Server implements AutoCloseable {
        private final Process process;
        private final int port;
        private final Path log;

        Server(Process process, int port, Path log) {
            this.process = process;
            this.port = port;
            this.log = log;
        }

        public RequestSpecification request() {
            return given().baseUri("http://127.0.0.1").port(port).header("x-internal-challenge", KEY);
        }

        public Process process() {
            return process;
        }

        /** The server's JVM running now (supervise.sh's child), waiting up to {@code limit} for one. */
        public ProcessHandle jvm(Duration limit) {
            long deadline = System.nanoTime() + limit.toNanos();
            while (true) {
                Optional<ProcessHandle> java = process.children()
                        .filter(child -> child.info().command().map(command -> command.endsWith("/java")).orElse(false))
                        .findFirst();
                if (java.isPresent()) {
                    return java.get();
                }
                if (System.nanoTime() >= deadline) {
                    throw new AssertionError("no JVM under start.sh within " + limit + ":\n" + log());
                }
                sleep(20);
            }
        }

        public int port() {
            return port;
        }

        public String log() {
            return read(log);
        }

        /** Waits until the server's log holds {@code text} (the function's own prints land there too). */
        public void awaitLog(String text, Duration limit) {
            awaitLog(text, 1, limit);
        }

        /** Waits until the server's log holds {@code text} {@code times} times. */
        public void awaitLog(String text, int times, Duration limit) {
            long deadline = System.nanoTime() + limit.toNanos();
            while (occurrences(log(), text) < times) {
                if (System.nanoTime() >= deadline) {
                    throw new AssertionError("not " + times + " times '" + text + "' in the log within " + limit + ":\n" + log());
                }
                sleep(20);
            }
        }

        private static int occurrences(String log, String text) {
            int count = 0;
            for (int at = log.indexOf(text); at >= 0; at = log.indexOf(text, at + text.length())) {
                count++;
            }
            return count;
        }

        void awaitListening(Duration limit) {
            long deadline = System.nanoTime() + limit.toNanos();
            while (System.nanoTime() < deadline) {
                if (!process.isAlive()) {
                    throw new AssertionError("start.sh exited with " + process.exitValue() + ":\n" + log());
                }
                try (Socket socket = new Socket()) {
                    socket.connect(new InetSocketAddress("127.0.0.1", port), 200);
                    return;
                } catch (IOException notYet) {
                    sleep(100);
                }
            }
            close();
            throw new AssertionError("start.sh did not listen on " + port + " within " + limit + ":\n" + log());
        }

        /** SIGTERM, and how long the process took to exit (or null if it did not within the limit). */
        public Duration terminate(Duration limit) {
            long start = System.nanoTime();
            process.destroy();
            try {
                return process.waitFor(limit.toMillis(), TimeUnit.MILLISECONDS) ? Duration.ofNanos(System.nanoTime() - start) : null;
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return null;
            }
        }

        @Override
        public void close() {
            // The supervisor first (it passes SIGTERM on, and will not start the server again), then at once the rest.
            process.destroy();
            process.descendants().forEach(ProcessHandle::destroyForcibly);
            if (terminate(Duration.ofSeconds(10)) == null) {
                process.destroyForcibly();
            }
        }
    }

    static Process launch(List<String> command, Map<String, String> env, Path log) {
        ProcessBuilder builder = new ProcessBuilder(command).directory(RUNTIME.toFile())
                .redirectErrorStream(true).redirectOutput(log.toFile()).redirectInput(ProcessBuilder.Redirect.from(new java.io.File("/dev/null")));
        builder.environment().remove("INTERNAL_RUNTIME_KEY");
        env.forEach((name, value) -> {
            if (value == null) {
                builder.environment().remove(name);
            } else {
                builder.environment().put(name, value);
            }
        });
        try {
            Files.createDirectories(log.getParent());
            return builder.start();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static int waitFor(Process process, Duration limit) {
        try {
            if (!process.waitFor(limit.toMillis(), TimeUnit.MILLISECONDS)) {
                process.descendants().forEach(ProcessHandle::destroyForcibly);
                process.destroyForcibly();
                throw new AssertionError("timed out after " + limit);
            }
            return process.exitValue();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        }
    }

    public static void copy(Path from, Path to) {
        try (Stream<Path> files = Files.walk(from)) {
            for (Path file : (Iterable<Path>) files::iterator) {
                Path target = to.resolve(from.relativize(file).toString());
                if (Files.isSymbolicLink(file)) { // as a link, as the executor's copy keeps it
                    Files.createDirectories(target.getParent());
                    Files.deleteIfExists(target);
                    Files.createSymbolicLink(target, Files.readSymbolicLink(file));
                } else if (Files.isDirectory(file)) {
                    Files.createDirectories(target);
                } else {
                    Files.createDirectories(target.getParent());
                    Files.copy(file, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.COPY_ATTRIBUTES);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The regular files under {@code folder}, relative and sorted, one a line: to compare two trees. */
    public static String listing(Path folder) {
        try (Stream<Path> files = Files.walk(folder)) {
            return files.filter(Files::isRegularFile).map(f -> folder.relativize(f) + "\n").sorted()
                    .collect(Collectors.joining());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static String read(Path file) {
        try {
            return Files.exists(file) ? Files.readString(file) : "";
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static int freePort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
