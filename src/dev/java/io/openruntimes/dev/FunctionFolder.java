package io.openruntimes.dev;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;

/**
 * A function folder as build.sh reads it. Maven's layout when it has {@code src/main/java} (the
 * sources there, the resources in {@code src/main/resources}); else flat: its .java files are the
 * sources and its other files the resources, less what only builds it (pom.xml, Gradle and Maven
 * wrapper files, dot files, code.tar.gz, src/test, target).
 */
final class FunctionFolder {

    private static final Set<String> BUILD_FILES = Set.of("pom.xml", "gradle.properties", "code.tar.gz");

    private final Path root;
    private final Path sources;
    private final Path resources;
    private final boolean maven;

    FunctionFolder(Path root) {
        this.root = root;
        Path mavenSources = root.resolve("src/main/java");
        this.maven = Files.isDirectory(mavenSources);
        this.sources = maven ? mavenSources : root;
        this.resources = maven ? root.resolve("src/main/resources") : root;
    }

    Path root() {
        return root;
    }

    /**
     * The entrypoint file: relative to the folder, or, in Maven's layout when no such file is
     * there, to {@code src/main/java} ({@code Index.java} and {@code src/main/java/Index.java} are one).
     */
    Path entrypoint(String file) {
        Path direct = root.resolve(file).normalize();
        return !maven || Files.isRegularFile(direct) ? direct : sources.resolve(file).normalize();
    }

    /** The .java files javac compiles, in name order. */
    List<Path> sources() {
        return list(sources, true);
    }

    /** The resources, each with its path on the class path. */
    List<Path> resources() {
        return Files.isDirectory(resources) ? list(resources, false) : List.of();
    }

    Path resourceRoot() {
        return resources;
    }

    /**
     * A cheap summary of every source and resource (path, size, modification time): when it
     * changes, something was saved. A walk of a small folder's metadata, no file read.
     */
    long fingerprint() {
        long hash = 17;
        for (List<Path> files : List.of(sources(), resources())) {
            for (Path file : files) {
                try {
                    BasicFileAttributes attributes = Files.readAttributes(file, BasicFileAttributes.class);
                    hash = 31 * hash + file.hashCode();
                    hash = 31 * hash + attributes.size();
                    hash = 31 * hash + attributes.lastModifiedTime().toMillis() * 1_000_003L
                            + attributes.lastModifiedTime().toInstant().getNano();
                } catch (IOException gone) {
                    hash = 31 * hash + file.hashCode(); // deleted between the walk and now: the next check sees it
                }
            }
        }
        return hash;
    }

    private List<Path> list(Path under, boolean javaFiles) {
        List<Path> files = new ArrayList<>();
        try (Stream<Path> walk = Files.walk(under)) {
            walk.filter(Files::isRegularFile)
                    .filter(file -> !skipped(file))
                    .filter(file -> file.getFileName().toString().endsWith(".java") == javaFiles)
                    .filter(file -> javaFiles || maven || !buildFile(file))
                    .sorted()
                    .forEach(files::add);
        } catch (IOException e) {
            throw new UncheckedIOException("The function folder " + under + " cannot be read: " + e.getMessage(), e);
        }
        return files;
    }

    /** The function's tests, its build output and dot files are never the served function's. */
    private boolean skipped(Path file) {
        Path relative = root.relativize(file);
        if (relative.startsWith("src/test") || relative.startsWith("target")) {
            return true;
        }
        for (Path part : relative) {
            if (part.toString().startsWith(".")) {
                return true;
            }
        }
        return false;
    }

    /** What builds a flat folder rather than runs in it, at its top level. */
    private boolean buildFile(Path file) {
        Path relative = root.relativize(file);
        String name = relative.getFileName().toString();
        if (relative.startsWith("gradle")) {
            return true;
        }
        return relative.getNameCount() == 1 && (BUILD_FILES.contains(name) || name.endsWith(".gradle")
                || name.endsWith(".gradle.kts") || name.startsWith("gradlew") || name.startsWith("mvnw"));
    }
}
