package io.openruntimes.quarkus.scripts;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Runs the v5 helpers as a v5 executor runs them in the image, with the container's paths, but
 * without Docker: each command gets a mount and network namespace of its own ({@code unshare}, as
 * root) where scratch folders are bind-mounted on /usr/local/server (its helpers/ being the repo's
 * docker/helpers), /usr/local/src (the runtime), /usr/local/build, /mnt/code, /mnt/logs and
 * /mnt/telemetry, and the loopback is private (the server gets port 3000, as in a container).
 * The mount points are made in overlays whose layers live in the scratch folder too: nothing of
 * the machine's own folders changes. {@link #onHostNetwork()} gives a sandbox that keeps the
 * machine's network instead (mount namespace only), for clients outside it, such as REST Assured:
 * its server must then be given a free port (QUARKUS_HTTP_PORT, which helpers/server.sh passes on).
 */
final class Sandbox {

    static final Path HELPERS = Scripts.RUNTIME.resolve("docker/helpers");
    /** A quick stand-in for the runtime's build.sh, for the packing and unpacking rows. */
    static final Path STAND_IN = Scripts.RUNTIME.resolve("src/test/runtimes/stand-in");

    /** Mounts the container's paths over scratch folders, then runs the command (the script says how). */
    static final Path SETUP = Scripts.RUNTIME.resolve("src/test/runtimes/v5-sandbox.sh");

    private final Path root;
    private final Path runtime;
    private final Path code;
    private final Path logs;
    private final Path telemetry;
    private final boolean privateNetwork;
    private final AtomicInteger runs = new AtomicInteger();

    static {
        // The executor image's tools (zstd, squashfs-tools, isal, ...), installed if missing.
        Process install;
        try {
            install = new ProcessBuilder("bash", Scripts.RUNTIME.resolve("src/test/runtimes/executor-tools.sh").toString())
                    .inheritIO().start();
            if (install.waitFor() != 0) {
                throw new IllegalStateException("src/test/runtimes/executor-tools.sh failed: " + install.exitValue());
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** A sandbox whose folders live in {@code root}, with {@code runtime} as /usr/local/src. */
    Sandbox(Path root, Path runtime) {
        this(root, runtime, root.resolve("code"), root.resolve("logs"), root.resolve("telemetry"), true);
    }

    private Sandbox(Path root, Path runtime, Path code, Path logs, Path telemetry, boolean privateNetwork) {
        this.root = root;
        this.privateNetwork = privateNetwork;
        this.runtime = runtime;
        this.code = code;
        this.logs = logs;
        this.telemetry = telemetry;
        for (Path folder : List.of(code, logs, telemetry, workspace())) {
            createDirectories(folder);
        }
    }

    /**
     * Another container beside this one, as section 7's serve variants are: the same /mnt/code,
     * /mnt/logs and /mnt/telemetry, its own server and build folders in {@code root}.
     */
    Sandbox beside(Path root) {
        return new Sandbox(root, runtime, code, logs, telemetry, privateNetwork);
    }

    /**
     * This sandbox with the machine's network (no {@code --net}): its ports are the machine's,
     * reachable from the tests; {@link Running#get} and port 3000 are then not for it.
     */
    Sandbox onHostNetwork() {
        return new Sandbox(root, runtime, code, logs, telemetry, false);
    }

    /** Everything of this sandbox's. */
    Path root() {
        return root;
    }

    /** /mnt/code. */
    Path code() {
        return code;
    }

    /** /mnt/logs. */
    Path logs() {
        return logs;
    }

    /** /mnt/telemetry. */
    Path telemetry() {
        return telemetry;
    }

    /** /usr/local/build. */
    Path build() {
        return root.resolve("build");
    }

    /** /usr/local/server/src/function. */
    Path function() {
        return root.resolve("server/src/function");
    }

    /** The runtime build's workspace (OPENRUNTIMES_WORKSPACE), outside the container's paths. */
    Path workspace() {
        return root.resolve("workspace");
    }

    /** What a command did: its exit code and everything it printed. */
    record Result(int exitCode, String output) {
    }

    /** {@code helpers/build.sh "<install command>"}, as the executor runs it. */
    Result build(String installCommand, Map<String, String> env) {
        return run("helpers/build.sh " + quoted(installCommand), env, Duration.ofMinutes(5));
    }

    /** {@code helpers/start.sh "<start command>"}, to its end. */
    Result start(String startCommand, Map<String, String> env) {
        return run("helpers/start.sh " + quoted(startCommand), env, Duration.ofMinutes(1));
    }

    /** Runs {@code command} with bash in /usr/local/server, to its end. */
    Result run(String command, Map<String, String> env, Duration limit) {
        Running running = launch(command, env);
        return new Result(Scripts.waitFor(running.process, limit), running.output());
    }

    /** Runs {@code command} with bash in /usr/local/server, without waiting. */
    Running launch(String command, Map<String, String> extraEnv) {
        Map<String, String> env = new HashMap<>(extraEnv);
        env.put("SANDBOX", root.toString());
        env.put("SANDBOX_HELPERS", HELPERS.toString());
        env.put("SANDBOX_RUNTIME", runtime.toString());
        env.put("SANDBOX_CODE", code.toString());
        env.put("SANDBOX_LOGS", logs.toString());
        env.put("SANDBOX_TELEMETRY", telemetry.toString());
        env.putIfAbsent("OPENRUNTIMES_WORKSPACE", workspace().toString());
        Path log = root.resolve("run-" + runs.incrementAndGet() + ".log");
        List<String> unshare = new java.util.ArrayList<>(List.of("unshare", "--mount"));
        if (privateNetwork) {
            unshare.add("--net");
        }
        unshare.addAll(List.of("bash", SETUP.toString(), command));
        return new Running(Scripts.launch(unshare, env, log), log);
    }

    /**
     * A command still running in its sandbox. unshare execs bash, which execs the command (and
     * helpers/start.sh its own), so the process is the sandbox's: requests enter its network.
     */
    static final class Running implements AutoCloseable {
        private final Process process;
        private final Path log;

        Running(Process process, Path log) {
            this.process = process;
            this.log = log;
        }

        Process process() {
            return process;
        }

        String output() {
            return Scripts.read(log);
        }

        /** Waits until the output holds {@code text}; fails if the process ends or time runs out. */
        void awaitOutput(String text, Duration limit) {
            await(() -> output().contains(text), "printing '" + text + "'", limit);
        }

        /** Waits until port 3000 answers a GET of {@code path}, whatever the status. */
        void awaitAnswer(String path, Duration limit) {
            await(() -> get(path).status() != 0, "answering on port 3000", limit);
        }

        private void await(java.util.function.BooleanSupplier done, String what, Duration limit) {
            long deadline = System.nanoTime() + limit.toNanos();
            while (!done.getAsBoolean()) {
                if (!process.isAlive()) {
                    throw new AssertionError("exited with " + process.exitValue() + " before " + what + ":\n" + output());
                }
                if (System.nanoTime() > deadline) {
                    throw new AssertionError("not " + what + " within " + limit + ":\n" + output());
                }
                Scripts.sleep(50);
            }
        }

        /** An HTTP answer: its status (0 when nothing answered) and body. */
        record Answer(int status, String body) {
        }

        /** A GET on the sandbox's port 3000, sent from inside its network with curl. */
        Answer get(String path, String... headers) {
            List<String> command = new java.util.ArrayList<>(List.of("nsenter", "--target", Long.toString(process.pid()), "--net",
                    "curl", "-s", "-m", "10", "-w", "\n%{http_code}"));
            for (String header : headers) {
                command.addAll(List.of("-H", header));
            }
            command.add("http://127.0.0.1:3000" + path);
            try {
                Process curl = new ProcessBuilder(command).redirectErrorStream(true).start();
                String out = new String(curl.getInputStream().readAllBytes());
                curl.waitFor();
                int split = out.lastIndexOf('\n');
                return new Answer(Integer.parseInt(out.substring(split + 1).trim()), out.substring(0, Math.max(split, 0)));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError(e);
            }
        }

        /** SIGTERM, then SIGKILL if it must. */
        @Override
        public void close() {
            process.destroy();
            try {
                if (!process.waitFor(15, java.util.concurrent.TimeUnit.SECONDS)) {
                    process.destroyForcibly();
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                process.destroyForcibly();
            }
        }
    }

    /** A word bash reads back as {@code text}. */
    static String quoted(String text) {
        return "'" + text.replace("'", "'\\''") + "'";
    }

    private static void createDirectories(Path folder) {
        try {
            Files.createDirectories(folder);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
