package io.openruntimes.build;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * The runtime's own run-time artifacts ({@code group:artifact -> version}), for a native build,
 * where the function shares the runtime's class path and so its versions: listed once by Maven
 * into the runtime's target folder, and listed again only when the runtime's pom changes.
 */
final class RuntimeArtifacts {

    private RuntimeArtifacts() {
    }

    static Map<String, String> of(Path runtimeRoot, Path workspace) {
        Path list = runtimeRoot.resolve("target/runtime-dependencies.txt");
        Path pom = runtimeRoot.resolve("pom.xml");
        try {
            if (!Files.isRegularFile(list) || Files.size(list) == 0
                    || Files.getLastModifiedTime(pom).compareTo(Files.getLastModifiedTime(list)) > 0) {
                Path log = workspace.resolve("runtime-dependencies.log");
                int exit = new Maven(runtimeRoot.resolve("mvnw"), null).run(runtimeRoot, log, List.of("-B", "-q",
                        "-Dquarkus.analytics.disabled=true", "dependency:list", "-DincludeScope=runtime", "-DoutputFile=" + list));
                if (exit != 0) {
                    throw new BuildFailure("could not list the runtime's own dependencies:\n" + Maven.read(log));
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return read(list);
    }

    /** From {@code mvn dependency:list} output or Quarkus's {@code quarkus-app-dependencies.txt}. */
    static Map<String, String> read(Path list) {
        Map<String, String> artifacts = new HashMap<>();
        Pattern listed = Pattern.compile("^\\s*([^\\s:]+):([^\\s:]+):([^\\s:]+):(?:([^\\s:]+):)?([^\\s:]+):(compile|runtime)\\b.*");
        Pattern quarkus = Pattern.compile("^([^\\s:]+):([^\\s:]+):([^\\s:]*):([^\\s:]+):([^\\s:]+)$");
        try (Stream<String> lines = Files.lines(list)) {
            lines.forEach(line -> {
                Matcher m = listed.matcher(line);
                if (m.matches()) {
                    artifacts.put(m.group(1) + ":" + m.group(2), m.group(5));
                    return;
                }
                m = quarkus.matcher(line.trim());
                if (m.matches()) {
                    artifacts.put(m.group(1) + ":" + m.group(2), m.group(5));
                }
            });
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return artifacts;
    }
}
