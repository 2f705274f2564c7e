package io.openruntimes.build;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * Resolves a function's declared dependencies with one Maven run on a {@link ResolutionPom}:
 * Maven lists every artifact with its scope and its file in the local repository; the compile
 * class path and the jars served with the function are taken from that list.
 */
final class DependencyResolver {

    /** One resolved artifact. */
    record Artifact(String group, String artifact, String version, String classifier, String scope, Path file) {

        /** On the compile class path, as Maven's compiler would have it: compile, provided and system scope. */
        boolean compiled() {
            return scope.equals("compile") || scope.equals("provided") || scope.equals("system");
        }

        /** Served with the function: compile and runtime scope (provided is the runtime's, test never). */
        boolean served() {
            return (scope.equals("compile") || scope.equals("runtime"))
                    && !(group.equals(FunctionPom.API_GROUP) && artifact.equals(FunctionPom.API_ARTIFACT));
        }
    }

    /** What Maven resolved; {@link #NONE} for a function that declares nothing. */
    record Resolved(List<Artifact> artifacts) {

        static final Resolved NONE = new Resolved(List.of());

        List<Path> compileClassPath() {
            return artifacts.stream().filter(Artifact::compiled).map(Artifact::file).filter(DependencyResolver::isClassPathEntry).toList();
        }

        boolean has(String group, String artifact) {
            return artifacts.stream().anyMatch(a -> a.group().equals(group) && a.artifact().equals(artifact));
        }

        /**
         * Copies the served jars into {@code lib}, by their own file names
         * ({@code artifact-version[-classifier].jar}); two of one name (same artifact id, other
         * groups) get their group in front.
         */
        void copyServedJars(Path lib) {
            List<Artifact> served = artifacts.stream().filter(Artifact::served).filter(a -> isClassPathEntry(a.file())).toList();
            Map<String, Long> names = served.stream().collect(Collectors.groupingBy(a -> a.file().getFileName().toString(), Collectors.counting()));
            try {
                Files.createDirectories(lib);
                for (Artifact artifact : served) {
                    String name = artifact.file().getFileName().toString();
                    Files.copy(artifact.file(), lib.resolve(names.get(name) > 1 ? artifact.group() + "." + name : name),
                            StandardCopyOption.REPLACE_EXISTING);
                }
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }

    /** A line of the dependency plugin's listing: {@code group:artifact:type[:classifier]:version:scope:file[ -- module m][ (optional)]}. */
    private static final Pattern LISTED = Pattern.compile(
            "\\s*([^:\\s]+):([^:\\s]+):([^:\\s]+)(?::([^:\\s]+))?:([^:\\s]+):(compile|provided|runtime|system|test):(.+)");
    /** Maven's own advice and decoration around its errors, which means nothing to a function's author. */
    private static final Pattern NOISE = Pattern.compile(
            "Re-run Maven|^\\[ERROR\\] *$|full stack trace|MojoFailureException|^\\[ERROR\\] \\[Help [0-9]+\\]"
                    + "|please read the following|For more information about the errors|^\\[ERROR\\] *-> \\[Help");
    private static final Pattern MISSING_VERSION = Pattern.compile("'dependencies\\.dependency\\.version' for ([^:\\s]+):([^:\\s]+):");

    private DependencyResolver() {
    }

    /**
     * Writes {@code pom} into {@code work} and runs Maven on it once. {@code shownAs}: the function
     * folder as its author knows it, for messages.
     */
    static Resolved resolve(Maven maven, Path work, FunctionPom userPom, Path folder, String shownAs) {
        Path listing = work.resolve("dependencies.txt");
        ResolutionPom pom = ResolutionPom.of(folder, userPom, listing);
        pom.checkVersions();
        if (pom.empty()) {
            return Resolved.NONE;
        }
        Path log = work.resolve("maven.log");
        try {
            Files.createDirectories(work);
            Files.deleteIfExists(listing);
            Files.writeString(work.resolve("pom.xml"), pom.xml());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        List<String> arguments = new ArrayList<>(List.of("-B", "-q", "-f", work.resolve("pom.xml").toString()));
        String repository = System.getenv("MAVEN_REPO_LOCAL");
        if (repository != null && !repository.isBlank()) {
            arguments.add("-Dmaven.repo.local=" + repository);
        }
        arguments.add("dependency:list@" + ResolutionPom.EXECUTION);
        if (maven.run(work, log, arguments) != 0 || !Files.isRegularFile(listing)) {
            throw failure(Maven.read(log), pom, shownAs);
        }
        return new Resolved(read(listing));
    }

    static List<Artifact> read(Path listing) {
        List<Artifact> artifacts = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        try {
            for (String line : Files.readAllLines(listing)) {
                String entry = line.replaceFirst(" -- module .*$", "").replace(" (optional)", "").stripTrailing();
                Matcher m = LISTED.matcher(entry);
                if (m.matches() && seen.add(m.group(1) + ":" + m.group(2) + ":" + m.group(4))) {
                    artifacts.add(new Artifact(m.group(1), m.group(2), m.group(5), m.group(4), m.group(6), Path.of(m.group(7).trim())));
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return artifacts;
    }

    private static boolean isClassPathEntry(Path file) {
        return file.toString().endsWith(".jar") || Files.isDirectory(file);
    }

    /** Maven's failure in the author's terms: its error lines without its advice, and what it means. */
    static BuildFailure failure(String log, ResolutionPom pom, String shownAs) {
        Matcher missing = MISSING_VERSION.matcher(log);
        if (missing.find()) {
            String key = missing.group(1) + ":" + missing.group(2);
            for (FunctionDependencies.Declared dependency : pom.declared()) {
                if (dependency.key().equals(key)) {
                    return ResolutionPom.versionless(dependency);
                }
            }
        }
        String errors = log.lines().filter(l -> l.startsWith("[ERROR]")).filter(l -> !NOISE.matcher(l).find())
                .map(l -> l.replaceFirst(" -> \\[Help [0-9]+\\]$", "")).collect(Collectors.joining("\n"));
        if (errors.isBlank()) {
            List<String> lines = log.lines().toList();
            errors = String.join("\n", lines.subList(Math.max(0, lines.size() - 40), lines.size()));
        }
        if (log.contains("Could not resolve dependencies") || log.contains("could not be resolved")
                || log.contains("Could not find artifact")) {
            return new BuildFailure("a dependency of the function (its pom.xml or *.gradle files in " + shownAs
                    + ") could not be resolved (coordinates above)", errors);
        }
        return new BuildFailure("Maven could not resolve the function's dependencies (its errors above)", errors);
    }
}
