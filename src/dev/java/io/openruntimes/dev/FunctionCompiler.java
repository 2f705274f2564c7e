package io.openruntimes.dev;

import java.io.File;
import java.io.IOException;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Collectors;
import javax.tools.JavaCompiler;
import javax.tools.StandardJavaFileManager;
import javax.tools.ToolProvider;

/**
 * javac in the runtime's JVM, one compiler for the whole dev session: after a few compiles its
 * code is warm, and its file manager keeps what it read of the JDK's classes and of the class
 * path's jars, a good part of a small function's compile. The report is javac's own (file:line:
 * error:, the line, a caret), with the paths of the folder the author edits.
 */
final class FunctionCompiler {

    /** What a compile gave: classes, or the errors; warnings and notes either way. */
    record Result(boolean compiled, String report) {
    }

    private final JavaCompiler javac;
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
     * Compiles {@code sources} for {@code release} against {@code classPath} into {@code classes},
     * as the builder does (debug information, parameter names).
     */
    Result compile(List<Path> sources, List<Path> classPath, String release, Path classes) throws IOException {
        Files.createDirectories(classes);
        StringWriter report = new StringWriter();
        List<String> options = List.of("--release", release, "-d", classes.toString(), "-encoding", "UTF-8", "-g", "-parameters",
                "-implicit:none", "-sourcepath", "", "-cp",
                classPath.stream().map(Path::toString).collect(Collectors.joining(File.pathSeparator)));
        synchronized (files) {
            try {
                boolean compiled = javac.getTask(report, files, null, options, null, files.getJavaFileObjectsFromPaths(sources)).call();
                return new Result(compiled, report.toString().strip());
            } catch (IllegalArgumentException refused) {
                // javac's refusal of an option: the only one from the function is its release.
                return new Result(false, "pom.xml asks for maven.compiler.release " + release + ", which this JDK ("
                        + Runtime.version().feature() + ") cannot compile for: " + refused.getMessage().replaceFirst("^error: ", ""));
            }
        }
    }
}
