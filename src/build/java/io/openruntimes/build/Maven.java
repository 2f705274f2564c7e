package io.openruntimes.build;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** Runs the Maven wrapper once, its output in a log file. */
final class Maven {

    /**
     * Resolving a function's dependencies is a short run with a small model: a small heap, one GC
     * thread, and C1 alone (it starts faster than it loses on peak speed), so that it fits beside
     * the builder in a 512 MB container.
     */
    static final String SMALL_OPTS = "-Xmx128m -XX:+UseSerialGC -XX:TieredStopAtLevel=1";

    private final Path wrapper;
    private final String opts;

    /** {@code opts}: MAVEN_OPTS for the run, or null to leave the caller's environment as it is. */
    Maven(Path wrapper, String opts) {
        this.wrapper = wrapper;
        this.opts = opts;
    }

    /** MAVEN_OPTS sized for a small container, unless the caller set MAVEN_OPTS. */
    static Maven small(Path wrapper, Map<String, String> environment) {
        String callers = environment.get("MAVEN_OPTS");
        return new Maven(wrapper, callers == null || callers.isBlank() ? SMALL_OPTS : null);
    }

    /** Runs the wrapper with {@code arguments} in {@code directory}; answers its exit code. */
    int run(Path directory, Path log, List<String> arguments) {
        List<String> command = new ArrayList<>();
        command.add(wrapper.toString());
        command.addAll(arguments);
        ProcessBuilder builder = new ProcessBuilder(command).directory(directory.toFile())
                .redirectErrorStream(true).redirectOutput(log.toFile());
        if (opts != null) {
            builder.environment().put("MAVEN_OPTS", opts);
        }
        try {
            Files.createDirectories(log.getParent());
            return builder.start().waitFor();
        } catch (IOException e) {
            throw new BuildFailure("could not run Maven (" + wrapper + "): " + e.getMessage());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new BuildFailure("interrupted while Maven ran");
        }
    }

    static String read(Path log) {
        try {
            return Files.readString(log);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
