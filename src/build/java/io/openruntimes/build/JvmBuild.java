package io.openruntimes.build;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * The JVM build (SPEC section 4): the function compiled alone, against the function API (and,
 * under v5, Gson unless it brings its own) and its declared dependencies, into a function folder:
 * {@code function.properties}, {@code classes/} (its classes and resources), {@code lib/} (the jars
 * it is served with). Maven runs only for a function that declares dependencies.
 */
final class JvmBuild {

    static final String GSON_GROUP = "com.google.code.gson";
    static final String GSON_ARTIFACT = "gson";

    /** The command line's {@code jvm} options. {@code gson} is null when not given. */
    record Options(Path code, String shownAs, String entrypoint, String protocol, Path api, Path gson, Path maven, Path work, Path out) {
    }

    private final Options options;
    private final Maven maven;
    private final List<String> warnings = new ArrayList<>();
    private String compilerMessages = "";

    /** {@code environment}: the builder's, for Maven's (see {@link Maven#small}). */
    JvmBuild(Options options, Map<String, String> environment) {
        this.options = options;
        this.maven = Maven.small(options.maven(), environment);
    }

    List<String> warnings() {
        return warnings;
    }

    /** What javac said of a function that compiled (its warnings, in its own form), or empty. */
    String compilerMessages() {
        return compilerMessages;
    }

    /** Builds; answers the entry class. Failures name the function's files by the folder the author gave. */
    String run() {
        try {
            return build();
        } catch (BuildFailure e) {
            throw new BuildFailure(inUsersTerms(e.getMessage()), e.details() == null ? null : inUsersTerms(e.details()));
        }
    }

    /** {@code text} with the copied folder's path replaced by the one the author knows ({@code --shown-as}). */
    private String inUsersTerms(String text) {
        return text.replace(options.code().toAbsolutePath().normalize() + File.separator, options.shownAs() + File.separator);
    }

    private String build() {
        boolean v5 = switch (options.protocol()) {
            case "classic" -> false;
            case "v5" -> true;
            default -> throw new BuildFailure("the protocol must be classic or v5, not '" + options.protocol() + "'");
        };
        CheckedFunction function = CheckedFunction.check(options.code(), options.entrypoint(), v5);
        String apiVersion = FunctionDescriptor.apiVersion(options.api());
        FunctionPom pom = FunctionPom.read(function.layout().root());
        if (pom != null) {
            String ignored = pom.ignoredPartsWarning(List.of("properties", "repositories", "dependencyManagement", "dependencies"), "");
            if (ignored != null) {
                warnings.add(ignored);
            }
        }
        DependencyResolver.Resolved resolved = DependencyResolver.resolve(maven, options.work(), pom, function.layout().root(), options.shownAs());

        List<Path> classPath = new ArrayList<>();
        classPath.add(options.api());
        if (v5 && !resolved.has(GSON_GROUP, GSON_ARTIFACT)) {
            // As the runtime serves it: the runtime's Gson, unless the function's own jars hold one.
            if (options.gson() == null) {
                throw new BuildFailure("a v5 function is compiled against Gson: --gson names its jar");
            }
            classPath.add(options.gson());
        }
        classPath.addAll(resolved.compileClassPath());

        Path classes = options.out().resolve("classes");
        clear(options.out());
        FunctionResources.copy(function.layout(), classes);
        FunctionCompiler compiler = new FunctionCompiler(function.layout().root(), options.shownAs());
        compilerMessages = compiler.compile(function.layout().sourceFiles(), classPath, FunctionCompiler.release(pom), classes);
        resolved.copyServedJars(options.out().resolve("lib"));
        // Last: a folder with a descriptor is a complete one.
        FunctionDescriptor.write(options.out(), apiVersion, function.className(), options.entrypoint(), options.protocol());
        return function.className();
    }

    /** What an earlier build left in {@code out}: its descriptor, classes and jars. */
    private static void clear(Path out) {
        try {
            Files.deleteIfExists(out.resolve(FunctionDescriptor.FILE));
            for (String folder : List.of("classes", "lib")) {
                Path path = out.resolve(folder);
                if (Files.exists(path)) {
                    try (Stream<Path> files = Files.walk(path)) {
                        for (Path file : (Iterable<Path>) files.sorted(Comparator.reverseOrder())::iterator) {
                            Files.delete(file);
                        }
                    }
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
