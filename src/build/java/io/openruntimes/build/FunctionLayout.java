package io.openruntimes.build;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

/**
 * Where a function folder keeps its code. Maven's layout, when the folder has
 * {@code src/main/java}: the sources are there, the resources in {@code src/main/resources},
 * and {@code src/test} is the function's own business. Otherwise the flat layout: the folder
 * is both, its .java files the sources and its other files the resources (build inputs such as
 * pom.xml and src/test excluded, see {@link FunctionResources}).
 */
record FunctionLayout(Path root, Path sources, Path resources, boolean maven) {

    static FunctionLayout of(Path folder) {
        Path root = folder.toAbsolutePath().normalize();
        Path sources = root.resolve("src/main/java");
        return Files.isDirectory(sources)
                ? new FunctionLayout(root, sources, root.resolve("src/main/resources"), true)
                : new FunctionLayout(root, root, root, false);
    }

    /**
     * The entrypoint file: {@code entrypoint} relative to the folder, as always; in Maven's
     * layout, when no such file is there, relative to {@code src/main/java}, so that
     * {@code Index.java} and {@code src/main/java/Index.java} name the same file. Fails unless it
     * is a .java file inside the folder (and inside src/main/java in Maven's layout).
     */
    Path entryFile(String entrypoint) {
        Path direct = root.resolve(entrypoint).normalize();
        Path file = direct;
        if (maven && Files.isRegularFile(direct) && !direct.startsWith(sources)) {
            throw new BuildFailure("the entrypoint " + direct + " is outside src/main/java: in a folder with"
                    + " src/main/java, the function's sources are there");
        }
        if (maven && !Files.isRegularFile(direct)) {
            file = sources.resolve(entrypoint).normalize();
        }
        if (!file.startsWith(root)) {
            throw new BuildFailure("the entrypoint " + entrypoint + " is outside the code folder");
        }
        if (!Files.isRegularFile(file)) {
            throw new BuildFailure("entrypoint file not found: " + file
                    + " (INTERNAL_RUNTIME_ENTRYPOINT=" + entrypoint + ", relative to the code folder)");
        }
        if (!file.getFileName().toString().endsWith(".java")) {
            throw new BuildFailure("the entrypoint must be a .java file, got " + entrypoint);
        }
        return file;
    }

    /** The .java files the build compiles: under {@link #sources}, without the function's tests and build output. */
    List<Path> sourceFiles() {
        Path tests = root.resolve("src/test");
        Path target = root.resolve("target");
        try (Stream<Path> files = Files.walk(sources)) {
            return files.filter(f -> f.toString().endsWith(".java") && Files.isRegularFile(f))
                    .filter(f -> !f.startsWith(tests) && !f.startsWith(target)).sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * A symbolic link whose target is outside the function folder would hand an outside file (say
     * {@code /etc/passwd} linked as {@code passwd.java}) to the compiler: refused. Links inside are fine.
     */
    void checkLinksStayInside() {
        try (Stream<Path> files = Files.walk(root)) {
            Path real = root.toRealPath();
            for (Path file : (Iterable<Path>) files::iterator) {
                if (!Files.isSymbolicLink(file)) {
                    continue;
                }
                Path target = Files.readSymbolicLink(file);
                Path resolved = file.getParent().resolve(target).normalize();
                if (Files.exists(resolved)) {
                    resolved = resolved.toRealPath();
                }
                if (!resolved.startsWith(real)) {
                    throw new BuildFailure("the symbolic link " + root.relativize(file) + " points outside the code folder (to "
                            + target + "): copy what it points to into the folder instead");
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
