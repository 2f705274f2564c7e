package io.openruntimes.quarkus.engine;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import javax.tools.ToolProvider;

/**
 * Function folders as a JVM build packs them (function.properties, classes/, lib/), made by the
 * tests: sources compiled against the function API and the given jars, which are copied into lib/.
 */
final class BuiltFunctions {

    /** Where the API's classes are: the runtime's own build output. */
    private static final Path API = Path.of(io.openruntimes.quarkus.Request.class.getProtectionDomain().getCodeSource()
            .getLocation().getPath());

    private BuiltFunctions() {
    }

    /**
     * Compiles {@code sources} (file name to code) into {@code folder}/classes, copies
     * {@code jars} into {@code folder}/lib and writes the descriptor with {@code descriptor}'s
     * entries over the defaults (api-version of this runtime, class Index, entrypoint Index.java,
     * protocol classic).
     */
    static Path make(Path folder, Map<String, String> sources, List<Path> jars, Map<String, String> descriptor) {
        try {
            Path src = Files.createDirectories(folder.resolve("src"));
            List<String> arguments = new ArrayList<>(List.of("-d", Files.createDirectories(folder.resolve("function/classes")).toString(),
                    "-cp", API + jars.stream().map(jar -> File.pathSeparator + jar).collect(Collectors.joining()), "-nowarn"));
            for (Map.Entry<String, String> source : sources.entrySet()) {
                Path file = src.resolve(source.getKey());
                Files.writeString(file, source.getValue());
                arguments.add(file.toString());
            }
            int exit = ToolProvider.getSystemJavaCompiler().run(null, null, null, arguments.toArray(String[]::new));
            if (exit != 0) {
                throw new IllegalStateException("javac failed on " + sources.keySet());
            }
            Path lib = Files.createDirectories(folder.resolve("function/lib"));
            for (Path jar : jars) {
                Files.copy(jar, lib.resolve(jar.getFileName()));
            }
            StringBuilder properties = new StringBuilder();
            Map<String, String> entries = new java.util.TreeMap<>(Map.of("api-version", FunctionApi.VERSION, "class", "Index",
                    "entrypoint", "Index.java", "protocol", "classic"));
            entries.putAll(descriptor);
            entries.forEach((key, value) -> properties.append(key).append('=').append(value).append('\n'));
            Files.writeString(folder.resolve("function/function.properties"), properties);
            return folder.resolve("function");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
