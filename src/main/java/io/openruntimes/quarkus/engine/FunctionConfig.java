package io.openruntimes.quarkus.engine;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import io.smallrye.config.WithName;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

/** Which function this process serves, and how long an execution may take. */
@ConfigMapping(prefix = "openruntimes.function")
public interface FunctionConfig {

    /**
     * The folder a JVM build packed (its descriptor, classes/, lib/): the function is loaded from
     * there in a class loader of its own, and {@link #className()} is not used.
     */
    Optional<Path> dir();

    /**
     * Fully qualified name of the entrypoint class, on the runtime's own class path (the runtime's
     * tests, a native build, where the function builder writes it).
     */
    @WithName("class")
    Optional<String> className();

    /** The entrypoint file, relative to the code root (INTERNAL_RUNTIME_ENTRYPOINT at build time). */
    @WithDefault("Index.java")
    String entrypoint();

    /**
     * The entrypoint file the executor names at start (classic start.sh's INTERNAL_RUNTIME_ENTRYPOINT):
     * when it is not {@link #entrypoint()}, every execution answers 404 (see EntrypointAtStart).
     */
    @WithName("start-entrypoint")
    Optional<String> startEntrypoint();

    /**
     * Dev mode's tools: folders or jars, comma-separated, one with a {@link FunctionSourceProvider}.
     * When set, every execution asks them for its entrypoint, and {@link #dir()} is not used.
     */
    @WithName("dev-tools")
    Optional<List<Path>> devTools();

    /** The ceiling on an execution's deadline, and the deadline when the executor names none. */
    @WithDefault("900S")
    Duration timeout();
}
