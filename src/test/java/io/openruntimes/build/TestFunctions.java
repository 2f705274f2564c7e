package io.openruntimes.build;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/** What the builder's tests share: function folders written on the spot, the runtime's folder, the jars a build compiles against. */
final class TestFunctions {

    static final Path RUNTIME = Path.of(System.getProperty("runtime.root", "")).toAbsolutePath();
    /** The least classic entry class the build accepts. */
    static final String INDEX = "public class Index { public io.openruntimes.quarkus.Response main("
            + "io.openruntimes.quarkus.Request req, io.openruntimes.quarkus.Response res) { return res; } }";
    static final String MAIN = "public Response main(Request req, Response res) { return res.send(\"ok\"); }";

    private TestFunctions() {
    }

    /** Writes {@code name, content} pairs under {@code folder}; answers the folder. */
    static Path write(Path folder, String... namesAndContents) {
        try {
            for (int i = 0; i < namesAndContents.length; i += 2) {
                Path file = folder.resolve(namesAndContents[i]);
                Files.createDirectories(file.getParent());
                Files.writeString(file, namesAndContents[i + 1]);
            }
            Files.createDirectories(folder);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return folder;
    }

    /**
     * The function API jar as src/api/pom.xml makes it (target/function-api), made again when a
     * source of the runtime's API is newer: the jar a JVM build compiles against.
     */
    static synchronized Path apiJar() {
        Path folder = RUNTIME.resolve("target/function-api");
        try {
            Path jar = jarIn(folder);
            if (jar == null || newerThan(jar)) {
                Process maven = new ProcessBuilder(RUNTIME.resolve("mvnw").toString(), "-B", "-q", "-f",
                        RUNTIME.resolve("src/api/pom.xml").toString(), "package")
                        .redirectErrorStream(true).redirectOutput(RUNTIME.resolve("target/function-api.log").toFile()).start();
                if (!maven.waitFor(5, TimeUnit.MINUTES) || maven.exitValue() != 0) {
                    throw new AssertionError("could not package the function API: " + Files.readString(RUNTIME.resolve("target/function-api.log")));
                }
                jar = jarIn(folder);
            }
            return jar;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        }
    }

    private static Path jarIn(Path folder) throws IOException {
        if (!Files.isDirectory(folder)) {
            return null;
        }
        try (Stream<Path> files = Files.list(folder)) {
            return files.filter(f -> f.getFileName().toString().matches("function-api-.*\\.jar")).findFirst().orElse(null);
        }
    }

    /** Whether a source of the function API (src/api/pom.xml's includes) changed since {@code jar} was made. */
    private static boolean newerThan(Path jar) throws IOException {
        var built = Files.getLastModifiedTime(jar);
        Path main = RUNTIME.resolve("src/main");
        List<Path> sources = new java.util.ArrayList<>(List.of(RUNTIME.resolve("src/api/pom.xml"),
                main.resolve("java/io/openruntimes/quarkus/Request.java"), main.resolve("java/io/openruntimes/quarkus/Response.java"),
                main.resolve("java/io/openruntimes/quarkus/Json.java"), main.resolve("resources/" + FunctionDescriptor.API_PROPERTIES)));
        try (Stream<Path> v5 = Files.walk(main.resolve("java/io/openruntimes/java"))) {
            v5.filter(Files::isRegularFile).forEach(sources::add);
        }
        for (Path source : sources) {
            if (Files.getLastModifiedTime(source).compareTo(built) > 0) {
                return true;
            }
        }
        return false;
    }

    /** The Gson jar the runtime itself runs with (on this test's class path): what --gson names. */
    static Path gsonJar() {
        try {
            return Path.of(com.google.gson.Gson.class.getProtectionDomain().getCodeSource().getLocation().toURI());
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }
}
