package io.openruntimes.dev;

import com.sun.source.tree.CompilationUnitTree;
import com.sun.source.util.JavacTask;
import com.sun.source.util.TaskEvent;
import com.sun.source.util.TaskListener;
import java.io.File;
import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;
import javax.tools.JavaCompiler;
import javax.tools.StandardJavaFileManager;
import javax.tools.ToolProvider;

/**
 * Compiles a function folder's sources with the JDK's compiler, in this JVM (no process, and a
 * compiler already warm after the first time), and copies its resources beside the classes.
 */
final class FunctionCompiler {

    /** What a compile gave: the classes, or javac's report (file:line: error: ..., the user's paths). */
    record Result(boolean compiled, String report, String entryClass) {
    }

    private final JavaCompiler javac;
    /**
     * Kept from one compile to the next: it holds what it read of the JDK's classes and of the
     * class path's jars, a good part of a small function's compile time.
     */
    private final StandardJavaFileManager files;

    FunctionCompiler() {
        this.javac = ToolProvider.getSystemJavaCompiler();
        if (javac == null) {
            throw new IllegalStateException("Dev mode compiles the function with the JDK's compiler, and this Java has none: "
                    + System.getProperty("java.home") + " (use a JDK, 17 or later)");
        }
        this.files = javac.getStandardFileManager(null, null, StandardCharsets.UTF_8);
    }

    /**
     * Compiles {@code folder}'s sources into {@code classes} against {@code classPath} and copies
     * its resources there; names the entry class (the entrypoint file's package and name).
     */
    Result compile(FunctionFolder folder, Path entrypoint, List<Path> classPath, Path classes) throws IOException {
        Files.createDirectories(classes);
        List<Path> sources = folder.sources();
        if (!sources.contains(entrypoint)) {
            return new Result(false, "The entrypoint " + entrypoint + " is not among the function's sources"
                    + " (INTERNAL_RUNTIME_ENTRYPOINT names it, relative to " + folder.root() + ")", null);
        }
        StringWriter report = new StringWriter();
        List<String> options = new ArrayList<>(List.of("-d", classes.toString(), "-encoding", "UTF-8", "-g", "-parameters",
                "-Xlint:-options", "-cp", classPath.stream().map(Path::toString).collect(Collectors.joining(File.pathSeparator))));
        synchronized (files) {
            JavacTask task = (JavacTask) javac.getTask(report, files, null, options, null,
                    files.getJavaFileObjectsFromPaths(sources));
            EntryClass entryClass = new EntryClass(entrypoint);
            task.addTaskListener(entryClass);
            if (!task.call()) {
                return new Result(false, report.toString().strip(), entryClass.name);
            }
            copyResources(folder, classes);
            return new Result(true, report.toString().strip(), entryClass.name);
        }
    }

    /** Reads the entrypoint file's package as javac parses it: the entry class's full name. */
    private static final class EntryClass implements TaskListener {

        private final Path entrypoint;
        private String name;

        EntryClass(Path entrypoint) {
            this.entrypoint = entrypoint;
        }

        @Override
        public void finished(TaskEvent event) {
            if (event.getKind() == TaskEvent.Kind.PARSE && Path.of(event.getSourceFile().toUri()).equals(entrypoint)) {
                name = className(event.getCompilationUnit(), entrypoint);
            }
        }
    }

    private static String className(CompilationUnitTree unit, Path entrypoint) {
        String name = entrypoint.getFileName().toString().replaceFirst("\\.java$", "");
        return unit.getPackageName() == null ? name : unit.getPackageName() + "." + name;
    }

    private static void copyResources(FunctionFolder folder, Path classes) {
        for (Path resource : folder.resources()) {
            Path target = classes.resolve(folder.resourceRoot().relativize(resource).toString());
            try {
                Files.createDirectories(target.getParent());
                Files.copy(resource, target, StandardCopyOption.REPLACE_EXISTING);
            } catch (IOException e) {
                throw new UncheckedIOException("The resource " + resource + " cannot be copied: " + e.getMessage(), e);
            }
        }
    }
}
