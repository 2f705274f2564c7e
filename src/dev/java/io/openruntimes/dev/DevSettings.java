package io.openruntimes.dev;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * What dev.sh tells the dev tools, in variables: the function folder (used in place), its
 * entrypoint file, the workspace, and the API jars. In the workspace, {@code start/} is the
 * function folder the builder made at start (FunctionBuilder jvm): its descriptor names the entry
 * class, and its {@code lib/} holds the dependency jars, resolved once.
 */
record DevSettings(Path code, String entrypoint, Path workspace, Path api, Path gson) {

    static DevSettings fromEnvironment() {
        Map<String, String> env = System.getenv();
        return new DevSettings(path(env, "OPENRUNTIMES_DEV_CODE"), env.getOrDefault("OPENRUNTIMES_DEV_ENTRYPOINT", "Index.java"),
                path(env, "OPENRUNTIMES_DEV_WORKSPACE"), path(env, "OPENRUNTIMES_DEV_API"), path(env, "OPENRUNTIMES_DEV_GSON"));
    }

    /** The function folder the builder made at start. */
    Path startBuild() {
        return workspace.resolve("start");
    }

    /** Its dependency jars, in the order a deployment's class path has them (BuiltFunction: by name). */
    List<Path> jars() {
        Path lib = startBuild().resolve("lib");
        if (!Files.isDirectory(lib)) {
            return List.of();
        }
        try (Stream<Path> jars = Files.list(lib)) {
            return jars.filter(jar -> jar.getFileName().toString().endsWith(".jar")).sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * What the function compiles against, as deployed: its jars, the function API, and (v5) the
     * runtime's Gson when its jars hold none.
     */
    List<Path> compileClassPath(boolean v5) {
        List<Path> jars = jars();
        List<Path> classPath = new ArrayList<>(jars);
        classPath.add(api);
        if (v5 && jars.stream().noneMatch(jar -> jar.getFileName().toString().startsWith("gson-"))) {
            classPath.add(gson);
        }
        return classPath;
    }

    private static Path path(Map<String, String> env, String name) {
        String value = env.get(name);
        if (value == null || value.isBlank()) {
            throw new IllegalStateException(name + " is not set: start dev mode with dev.sh");
        }
        return Path.of(value).toAbsolutePath().normalize();
    }
}
