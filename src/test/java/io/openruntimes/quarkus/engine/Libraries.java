package io.openruntimes.quarkus.engine;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * Real libraries from Maven Central, for functions the tests compile and load: each set is
 * resolved once (with its transitive dependencies, in the versions asked for) by the runtime's
 * Maven wrapper into target/test-libraries, and kept there for later runs.
 */
final class Libraries {

    private static final Path RUNTIME = Path.of(System.getProperty("runtime.root", "")).toAbsolutePath();

    private Libraries() {
    }

    /** The jars of {@code coordinates} (group:artifact:version), resolved into a folder named {@code name}. */
    static synchronized List<Path> of(String name, String... coordinates) {
        Path folder = RUNTIME.resolve("target/test-libraries").resolve(name);
        try {
            if (!Files.isRegularFile(folder.resolve(".resolved"))) {
                resolve(folder, coordinates);
            }
            try (Stream<Path> jars = Files.list(folder)) {
                return jars.filter(jar -> jar.toString().endsWith(".jar")).sorted().collect(Collectors.toList());
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void resolve(Path folder, String... coordinates) throws IOException {
        Files.createDirectories(folder);
        StringBuilder dependencies = new StringBuilder();
        for (String coordinate : coordinates) {
            String[] parts = coordinate.split(":");
            dependencies.append("<dependency><groupId>").append(parts[0]).append("</groupId><artifactId>").append(parts[1])
                    .append("</artifactId><version>").append(parts[2]).append("</version></dependency>");
        }
        Path pom = folder.resolve("pom.xml");
        Files.writeString(pom, "<project><modelVersion>4.0.0</modelVersion><groupId>test</groupId><artifactId>libraries</artifactId>"
                + "<version>1</version><dependencies>" + dependencies + "</dependencies></project>");
        Path log = folder.resolve("maven.log");
        Process maven = new ProcessBuilder(RUNTIME.resolve("mvnw").toString(), "-B", "-q", "-f", pom.toString(),
                "dependency:copy-dependencies", "-DoutputDirectory=" + folder, "-DincludeScope=runtime")
                .redirectErrorStream(true).redirectOutput(log.toFile()).start();
        try {
            if (!maven.waitFor(5, TimeUnit.MINUTES) || maven.exitValue() != 0) {
                maven.destroyForcibly();
                throw new IllegalStateException("could not resolve " + String.join(", ", coordinates) + ":\n" + Files.readString(log));
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
        Files.writeString(folder.resolve(".resolved"), String.join("\n", coordinates));
    }
}
