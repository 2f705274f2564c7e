package io.openruntimes.build;

import java.io.File;
import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import javax.tools.JavaCompiler;
import javax.tools.StandardJavaFileManager;
import javax.tools.StandardLocation;
import javax.tools.ToolProvider;

/**
 * Compiles the function's sources with javac in this JVM (javax.tools), and reports what javac
 * says in the author's terms: the folder as they named it, file and line.
 */
final class FunctionCompiler {

    private final Path root;
    private final String shownAs;

    /** {@code root}: the folder compiled; {@code shownAs}: that folder as its author knows it. */
    FunctionCompiler(Path root, String shownAs) {
        this.root = root.toAbsolutePath().normalize();
        this.shownAs = shownAs;
    }

    /**
     * The Java release to compile for: the function's {@code maven.compiler.release} when it sets
     * one, else the feature version of the JDK that builds it (which it then runs on).
     */
    static String release(FunctionPom pom) {
        String declared = pom == null ? null : pom.release();
        return declared != null ? declared : Integer.toString(Runtime.version().feature());
    }

    /**
     * Compiles {@code sources} against {@code classPath} into {@code classes}; answers what javac
     * said (warnings, notes; empty when nothing), fails with its errors.
     */
    String compile(List<Path> sources, List<Path> classPath, String release, Path classes) {
        JavaCompiler javac = ToolProvider.getSystemJavaCompiler();
        if (javac == null) {
            throw new BuildFailure("a JDK is needed to build functions, but this Java has no compiler: " + System.getProperty("java.home"));
        }
        StringWriter output = new StringWriter();
        boolean compiled;
        try (StandardJavaFileManager files = javac.getStandardFileManager(null, null, StandardCharsets.UTF_8)) {
            Files.createDirectories(classes);
            files.setLocationFromPaths(StandardLocation.CLASS_PATH, classPath);
            // Only the function's sources compile: nothing found on a source path (or in a jar's sources) joins them.
            files.setLocationFromPaths(StandardLocation.SOURCE_PATH, List.of());
            files.setLocationFromPaths(StandardLocation.CLASS_OUTPUT, List.of(classes));
            // As Maven's compiler did: all debug information, parameter names, UTF-8 sources.
            List<String> options = List.of("--release", release, "-g", "-parameters", "-encoding", "UTF-8");
            // No diagnostic listener: javac writes its own messages (file:line, the line, a caret, symbol and location).
            compiled = javac.getTask(output, files, null, options, null, files.getJavaFileObjectsFromPaths(sources)).call();
        } catch (IllegalArgumentException e) {
            // javac's refusal of an option: the only one from the function is its release.
            throw new BuildFailure("the function's pom.xml asks for maven.compiler.release " + release + ", which this JDK ("
                    + Runtime.version().feature() + ") cannot compile for: " + e.getMessage().replaceFirst("^error: ", ""));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        // javac names the files as it was given them: the copy's paths, which the author never saw.
        String messages = output.toString().replace(root + File.separator, shownAs + File.separator).stripTrailing();
        if (!compiled) {
            throw new BuildFailure("the function does not compile (errors above, with file and line)", messages);
        }
        return messages;
    }
}
