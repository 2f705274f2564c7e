package io.openruntimes.quarkus.engine;

import java.nio.file.Path;
import java.util.Optional;

/**
 * The classic executor names the entrypoint twice: to build.sh, and again to start.sh
 * ({@code INTERNAL_RUNTIME_ENTRYPOINT}). A build serves the one file it compiled, so when the
 * second names another, serving the built function would answer for code the executor did not
 * ask for: the entrypoint is unavailable instead, and the message names both files.
 */
final class EntrypointAtStart {

    private EntrypointAtStart() {
    }

    /** The entrypoint to serve: the built one, unless the start-time variable names another file. */
    static FunctionEntrypoint load(FunctionConfig config, ClassLoader loader, MainSignature signature) {
        String className = config.className().orElse(null);
        return mismatch(config.entrypoint(), config.startEntrypoint())
                .map(problem -> FunctionEntrypoint.unavailable(className, problem))
                .orElseGet(() -> FunctionEntrypoint.load(className, config.entrypoint(), loader, signature));
    }

    /** Why {@code atStart} is not {@code built} (as paths: {@code ./Index.java} is {@code Index.java}), if it is not. */
    static Optional<String> mismatch(String built, Optional<String> atStart) {
        if (atStart.isEmpty() || normalise(atStart.get()).equals(normalise(built))) {
            return Optional.empty();
        }
        return Optional.of("INTERNAL_RUNTIME_ENTRYPOINT names " + atStart.get() + ", but this build compiled " + built
                + ": rebuild the function with INTERNAL_RUNTIME_ENTRYPOINT=" + atStart.get() + ", or start it with " + built);
    }

    private static Path normalise(String file) {
        return Path.of(file.trim()).normalize();
    }
}
