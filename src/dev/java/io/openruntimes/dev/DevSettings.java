package io.openruntimes.dev;

import java.io.File;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

/**
 * What dev.sh tells the dev tools, in variables: the function folder (used in place), its
 * entrypoint file, the workspace for builds, and the class paths resolved once at start.
 *
 * @param classPath the function's dependency jars, in order (its own versions)
 * @param api the function API jar and, unless the function brings its own, Gson: the compile class path's tail
 */
record DevSettings(Path code, String entrypoint, Path workspace, List<Path> classPath, List<Path> api) {

    static DevSettings fromEnvironment() {
        Map<String, String> env = System.getenv();
        return new DevSettings(Path.of(required(env, "OPENRUNTIMES_DEV_CODE")).toAbsolutePath().normalize(),
                env.getOrDefault("OPENRUNTIMES_DEV_ENTRYPOINT", "Index.java"),
                Path.of(required(env, "OPENRUNTIMES_DEV_WORKSPACE")).toAbsolutePath().normalize(),
                paths(env.get("OPENRUNTIMES_DEV_CLASSPATH")), paths(required(env, "OPENRUNTIMES_DEV_API")));
    }

    /** Whether the function's own jars hold Gson (then a v5 function gets its own, as deployed). */
    boolean ownGson() {
        return classPath.stream().anyMatch(jar -> jar.getFileName().toString().startsWith("gson-"));
    }

    /** What the function compiles against: its jars, then the API (and the runtime's Gson when it has none). */
    List<Path> compileClassPath() {
        boolean ownGson = ownGson();
        return java.util.stream.Stream.concat(classPath.stream(),
                api.stream().filter(jar -> !(ownGson && jar.getFileName().toString().startsWith("gson")))).toList();
    }

    private static String required(Map<String, String> env, String name) {
        String value = env.get(name);
        if (value == null || value.isBlank()) {
            throw new IllegalStateException(name + " is not set: start dev mode with dev.sh");
        }
        return value;
    }

    private static List<Path> paths(String list) {
        return list == null || list.isBlank() ? List.of()
                : Arrays.stream(list.split(File.pathSeparator)).filter(s -> !s.isBlank()).map(Path::of).toList();
    }
}
