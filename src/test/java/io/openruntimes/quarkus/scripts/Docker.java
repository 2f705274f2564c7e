package io.openruntimes.quarkus.scripts;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/** Runs the docker CLI and the scripts in docker/, for tests of the real images. */
final class Docker {

    private Docker() {
    }

    /** What a command did: its exit code, everything it printed, and how long it took. */
    record Result(int exitCode, String output, Duration took) {
        Result orFail(String what) {
            if (exitCode != 0) {
                throw new AssertionError(what + " failed with exit code " + exitCode + ":\n" + output);
            }
            return this;
        }
    }

    static Result docker(Duration limit, String... args) {
        List<String> command = new ArrayList<>(List.of("docker"));
        command.addAll(List.of(args));
        return run(command, Map.of(), limit);
    }

    /** One of the scripts in docker/, from the repository's root. */
    static Result script(String name, Map<String, String> env, Duration limit, String... args) {
        List<String> command = new ArrayList<>(List.of(Scripts.RUNTIME.resolve("docker").resolve(name).toString()));
        command.addAll(List.of(args));
        return run(command, env, limit);
    }

    static Result run(List<String> command, Map<String, String> env, Duration limit) {
        long start = System.nanoTime();
        try {
            Path log = Files.createTempFile("docker-", ".log");
            try {
                ProcessBuilder builder = new ProcessBuilder(command).directory(Scripts.RUNTIME.toFile())
                        .redirectErrorStream(true).redirectOutput(log.toFile())
                        .redirectInput(ProcessBuilder.Redirect.from(new java.io.File("/dev/null")));
                builder.environment().putAll(env);
                Process process = builder.start();
                if (!process.waitFor(limit.toMillis(), TimeUnit.MILLISECONDS)) {
                    process.descendants().forEach(ProcessHandle::destroyForcibly);
                    process.destroyForcibly();
                    throw new AssertionError(String.join(" ", command) + " timed out after " + limit + ":\n" + Files.readString(log));
                }
                return new Result(process.exitValue(), Files.readString(log), Duration.ofNanos(System.nanoTime() - start));
            } finally {
                Files.deleteIfExists(log);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        }
    }
}
