package io.openruntimes.build;

import com.sun.source.tree.AnnotationTree;
import com.sun.source.tree.ClassTree;
import com.sun.source.tree.CompilationUnitTree;
import com.sun.source.tree.MethodTree;
import com.sun.source.tree.Tree;
import com.sun.source.tree.VariableTree;
import com.sun.source.util.JavacTask;
import com.sun.source.util.SourcePositions;
import com.sun.source.util.TreeScanner;
import com.sun.source.util.Trees;
import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import javax.lang.model.element.Modifier;
import javax.tools.JavaCompiler;
import javax.tools.ToolProvider;

/**
 * The function's Java files, parsed (not compiled) with javac: what they declare, and where; and
 * the checks that fail a build early and clearly rather than late and obscurely (at compile, at
 * start, or never).
 */
final class SourceChecks {

    /** The runtime's own packages: a function's class there would replace or join the runtime's. */
    static final String RUNTIME_PACKAGE = "io.openruntimes.quarkus";
    /** The v5 API's package, which functions written for upstream share (contract-v5 section 5). */
    static final String V5_API_PACKAGE = "io.openruntimes.java";
    static final Set<String> V5_API_CLASSES = Set.of("RuntimeContext", "RuntimeRequest", "RuntimeResponse",
            "RuntimeOutput", "RuntimeLogger");

    /**
     * Annotations Quarkus acts on from its class index rather than through CDI, so keeping the
     * function out of CDI does not make them inert: REST's method-level filters and mappers
     * (which then fail the server's start, their class being no bean) and a replacement main.
     */
    static final Set<String> FRAMEWORK_HOOKS = Set.of("ServerRequestFilter", "ServerResponseFilter",
            "ServerExceptionMapper", "QuarkusMain");

    private final Path root;
    private final Map<Path, CompilationUnitTree> units;
    private final SourcePositions positions;

    private SourceChecks(Path root, Map<Path, CompilationUnitTree> units, SourcePositions positions) {
        this.root = root;
        this.units = units;
        this.positions = positions;
    }

    static SourceChecks parse(List<Path> files, Path root) {
        JavaCompiler javac = ToolProvider.getSystemJavaCompiler();
        if (javac == null) {
            throw new BuildFailure("a JDK is needed to build functions, but this Java has no compiler: " + System.getProperty("java.home"));
        }
        try (var manager = javac.getStandardFileManager(null, null, StandardCharsets.UTF_8)) {
            // Syntax errors are the compiler's to report, with file and line: the parse only needs the trees.
            JavacTask task = (JavacTask) javac.getTask(new StringWriter(), manager, null, List.of("-proc:none"), null,
                    manager.getJavaFileObjectsFromPaths(files));
            Map<Path, CompilationUnitTree> units = new LinkedHashMap<>();
            for (CompilationUnitTree unit : task.parse()) {
                units.put(Path.of(unit.getSourceFile().toUri()).toAbsolutePath().normalize(), unit);
            }
            return new SourceChecks(root.toAbsolutePath().normalize(), units, Trees.instance(task).getSourcePositions());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private CompilationUnitTree unit(Path source) {
        CompilationUnitTree unit = units.get(source.toAbsolutePath().normalize());
        if (unit == null) {
            throw new IllegalStateException("not parsed: " + source);
        }
        return unit;
    }

    private static String packageOf(CompilationUnitTree unit) {
        return unit.getPackageName() == null ? "" : unit.getPackageName().toString();
    }

    private static String simpleName(Path source) {
        return source.getFileName().toString().replaceFirst("\\.java$", "");
    }

    /** The package the file declares (javac's parser: comments, annotations and all) plus the file's name. */
    String className(Path source) {
        String pkg = packageOf(unit(source));
        return pkg.isEmpty() ? simpleName(source) : pkg + "." + simpleName(source);
    }

    /**
     * ArC's {@code quarkus.arc.exclude-types} patterns for every package the function declares
     * ({@code .*} alone is the default package): none of its classes becomes a bean, so none of
     * its observers, startup hooks or producers runs inside the runtime.
     */
    Set<String> excludedFromCdi() {
        Set<String> packages = new TreeSet<>();
        units.values().forEach(unit -> packages.add(packageOf(unit) + ".*"));
        return packages;
    }

    /** A class of the runtime's own packages, or of the v5 API, declared by the function fails the build. */
    void checkNoRuntimeClass() {
        units.forEach((file, unit) -> {
            String pkg = packageOf(unit);
            if (pkg.equals(RUNTIME_PACKAGE) || pkg.startsWith(RUNTIME_PACKAGE + ".")) {
                throw new BuildFailure(root.relativize(file) + " declares package " + pkg + ", the runtime's own: "
                        + "a function's classes cannot replace or join the runtime's (use a package of your own)");
            }
            if (pkg.equals(V5_API_PACKAGE)) {
                for (Tree type : unit.getTypeDecls()) {
                    if (type instanceof ClassTree declared && V5_API_CLASSES.contains(declared.getSimpleName().toString())) {
                        throw new BuildFailure(root.relativize(file) + " declares " + pkg + "." + declared.getSimpleName()
                                + ", a class of the runtime's API: the runtime's own cannot be replaced (rename the class)");
                    }
                }
            }
        });
    }

    /** A framework hook in the function's code fails the build, with file and line (see {@link #FRAMEWORK_HOOKS}). */
    void checkNoFrameworkHooks() {
        units.forEach((file, unit) -> new TreeScanner<Void, Void>() {
            @Override
            public Void visitAnnotation(AnnotationTree annotation, Void unused) {
                String name = typeName(annotation.getAnnotationType());
                if (FRAMEWORK_HOOKS.contains(name)) {
                    long line = unit.getLineMap().getLineNumber(positions.getStartPosition(unit, annotation));
                    throw new BuildFailure(root.relativize(file) + ":" + line + ": @" + name + " is for the runtime's own "
                            + "classes: a function's classes are not part of the runtime's HTTP edge or CDI (remove it)");
                }
                return super.visitAnnotation(annotation, unused);
            }
        }.scan(unit, null));
    }

    /**
     * The classic entry file must hold a public class named after the file with a usable
     * {@code public Response main(Request, Response)}, static or on an instance made with a
     * no-argument constructor. Read from the parse: types by the name the file writes them with.
     */
    void checkClassicEntryClass(Path source) {
        CompilationUnitTree unit = unit(source);
        String file = root.relativize(source.toAbsolutePath().normalize()).toString();
        String name = simpleName(source);
        List<String> declared = new ArrayList<>();
        ClassTree entry = null;
        for (Tree type : unit.getTypeDecls()) {
            if (type instanceof ClassTree c) {
                declared.add(c.getSimpleName().toString());
                if (c.getSimpleName().contentEquals(name)) {
                    entry = c;
                }
            }
        }
        String usage = "public Response main(Request req, Response res)";
        if (entry == null) {
            throw new BuildFailure(file + " must declare a public class " + name + " (named after the file) with " + usage
                    + (declared.isEmpty() ? ", but declares no class" : ", but declares " + String.join(", ", declared)));
        }
        if (entry.getKind() != Tree.Kind.CLASS) {
            throw new BuildFailure(file + ": " + name + " is " + entry.getKind().toString().toLowerCase(Locale.ROOT).replace('_', ' ')
                    + ", not a class: declare public class " + name + " with " + usage);
        }
        Set<Modifier> modifiers = entry.getModifiers().getFlags();
        if (!modifiers.contains(Modifier.PUBLIC)) {
            throw new BuildFailure(file + ": class " + name + " is not public: declare it public class " + name);
        }
        List<MethodTree> mains = new ArrayList<>();
        List<MethodTree> constructors = new ArrayList<>();
        for (Tree member : entry.getMembers()) {
            if (member instanceof MethodTree method && method.getName().contentEquals("main")) {
                mains.add(method);
            } else if (member instanceof MethodTree method && method.getName().contentEquals("<init>")) {
                constructors.add(method);
            }
        }
        // No constructor written means javac's default one, which takes no argument.
        boolean noArgConstructor = constructors.isEmpty() || constructors.stream().anyMatch(c -> c.getParameters().isEmpty());
        MethodTree usable = mains.stream().filter(SourceChecks::isUsableMain).findFirst().orElse(null);
        if (usable == null) {
            if (mains.isEmpty() && entry.getExtendsClause() != null) {
                return; // main may be inherited: the compiled class tells, at start
            }
            String found = mains.isEmpty() ? "has no method main" : "has " + describe(mains.get(0));
            throw new BuildFailure(file + ": class " + name + " " + found + "; the runtime calls " + usage);
        }
        boolean instance = !usable.getModifiers().getFlags().contains(Modifier.STATIC);
        if (instance && modifiers.contains(Modifier.ABSTRACT)) {
            throw new BuildFailure(file + ": class " + name + " is abstract, so its main cannot be called: make it concrete, or main static");
        }
        if (instance && !noArgConstructor) {
            throw new BuildFailure(file + ": class " + name + " has no no-argument constructor, which the runtime needs to call its main");
        }
    }

    private static boolean isUsableMain(MethodTree method) {
        List<? extends VariableTree> parameters = method.getParameters();
        return method.getModifiers().getFlags().contains(Modifier.PUBLIC)
                && parameters.size() == 2
                && typeName(parameters.get(0).getType()).equals("Request")
                && typeName(parameters.get(1).getType()).equals("Response")
                && method.getReturnType() != null && typeName(method.getReturnType()).equals("Response");
    }

    private static String describe(MethodTree method) {
        String visibility = method.getModifiers().getFlags().contains(Modifier.PUBLIC) ? "public " : "a non-public ";
        List<String> parameters = new ArrayList<>();
        method.getParameters().forEach(p -> parameters.add(p.getType().toString()));
        return visibility + method.getReturnType() + " main(" + String.join(", ", parameters) + ")";
    }

    /** The simple name a type is written with ({@code io.openruntimes.quarkus.Request} or {@code Request}). */
    private static String typeName(Tree type) {
        String written = type.toString();
        return written.substring(written.lastIndexOf('.') + 1);
    }
}
