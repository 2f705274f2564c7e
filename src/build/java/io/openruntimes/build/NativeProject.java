package io.openruntimes.build;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.Node;
import org.w3c.dom.NodeList;

/**
 * The function folder as a Maven project that builds the runtime with the function in it: what a
 * native build (a closed world) needs.
 *
 * <p>Writes, into the workspace: a {@code pom.xml} that is the runtime's own plus the function's
 * dependencies (declared directly, so they keep their versions unless the runtime needs another at
 * run time, which a warning then says), and a {@code generated/} resource folder naming the
 * entrypoint class, keeping the function's classes out of CDI, and registering the entrypoint for
 * native reflection.
 */
final class NativeProject {

    /** The runtime pom's build-helper executions that only the runtime's own tests need. */
    static final Set<String> RUNTIME_TEST_EXECUTIONS = Set.of("test-functions", "builder-sources");

    private final Path runtimeRoot;
    private final Path functionDir;
    private final String entrypoint;
    private final Path workspace;
    private final Map<String, String> runtimeArtifacts;
    private final List<String> warnings = new ArrayList<>();
    private boolean v5;

    NativeProject(Path runtimeRoot, Path functionDir, String entrypoint, Path workspace, Map<String, String> runtimeArtifacts) {
        this.runtimeRoot = runtimeRoot.toAbsolutePath().normalize();
        this.functionDir = functionDir.toAbsolutePath().normalize();
        this.entrypoint = entrypoint;
        this.workspace = workspace.toAbsolutePath().normalize();
        this.runtimeArtifacts = runtimeArtifacts;
    }

    /** Only a function with dependencies of its own can clash with the runtime's: Maven lists them only then. */
    static Map<String, String> runtimeArtifactsFor(Path runtimeRoot, Path functionDir, Path workspace) {
        return Files.isRegularFile(functionDir.resolve(FunctionPom.FILE)) || !GradleDependencies.files(functionDir).isEmpty()
                ? RuntimeArtifacts.of(runtimeRoot, workspace) : Map.of();
    }

    NativeProject v5(boolean v5) {
        this.v5 = v5;
        return this;
    }

    List<String> warnings() {
        return warnings;
    }

    /** Writes the workspace project; answers the entrypoint's fully qualified class name. */
    String write() {
        CheckedFunction function = CheckedFunction.check(functionDir, entrypoint, v5);
        String className = function.className();
        try {
            Path generated = workspace.resolve("generated");
            writeFile(generated.resolve("META-INF/microprofile-config.properties"), """
                    # Written by build.sh: the function this build serves.
                    openruntimes.function.class=%s
                    openruntimes.function.entrypoint=%s
                    # The function's classes are not CDI beans: their @Observes, @Startup, producers... never run.
                    quarkus.arc.exclude-types=%s
                    """.formatted(className, entrypoint, String.join(",", function.sources().excludedFromCdi())));
            String mainParameters = v5 ? "\"io.openruntimes.java.RuntimeContext\""
                    : "\"io.openruntimes.quarkus.Request\", \"io.openruntimes.quarkus.Response\"";
            writeFile(generated.resolve("META-INF/native-image/io.openruntimes/function/reflect-config.json"), """
                    [
                      {
                        "name": "%s",
                        "methods": [
                          { "name": "<init>", "parameterTypes": [] },
                          { "name": "main", "parameterTypes": [%s] }
                        ]
                      }
                    ]
                    """.formatted(className, mainParameters));
            writeFile(workspace.resolve("pom.xml"), pom(function.layout(), generated));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return className;
    }

    /**
     * The runtime's own pom, renamed, pointed at the runtime's sources and the function's, with
     * the function's properties, repositories and dependencies added.
     */
    private String pom(FunctionLayout layout, Path generated) {
        FunctionPom userPom = FunctionPom.read(functionDir);
        Document pom = Xml.read(runtimeRoot.resolve("pom.xml"), "the runtime's pom.xml");
        Element project = pom.getDocumentElement();
        project.insertBefore(pom.createComment(" Written by build.sh from the runtime's pom and the function's pom.xml; do not edit. "),
                project.getFirstChild());
        Xml.first(project, "artifactId").setTextContent("function");
        // The runtime's own tests are not built here: don't resolve what only they need.
        Element runtimeDependencies = Xml.first(project, "dependencies");
        Xml.children(runtimeDependencies).stream().filter(d -> "test".equals(Xml.textOf(d, "scope")))
                .forEach(runtimeDependencies::removeChild);

        Element properties = Xml.first(project, "properties");
        Map<String, String> userProperties = userPom == null ? Map.of() : userPom.properties();
        if (userPom != null) {
            userPom.propertyElements().forEach(p -> properties.appendChild(pom.importNode(p, true)));
        }
        Xml.first(properties, "runtime.root").setTextContent(runtimeRoot.toString());
        Xml.first(properties, "function.dir").setTextContent(layout.sources().toString());
        Xml.first(properties, "function.resources").setTextContent(layout.resources().toString());
        Xml.first(properties, "function.generated").setTextContent(generated.toString());
        // The function compiles at the feature level of the JDK that builds it (the JDK it then runs
        // on), not the runtime's own floor of 17; its own maven.compiler.release, if any, is appended
        // with its other properties too: both say the same.
        Xml.first(properties, "maven.compiler.release").setTextContent(
                userProperties.getOrDefault("maven.compiler.release", Integer.toString(Runtime.version().feature())));
        withoutRuntimeTests(project);

        if (userPom != null) {
            String ignored = userPom.ignoredPartsWarning(List.of("properties", "repositories", "dependencies"),
                    " (the runtime's own build and BOM apply)");
            if (ignored != null) {
                warnings.add(ignored);
            }
            if (userPom.repositories() != null) {
                project.insertBefore(pom.importNode(userPom.repositories(), true), Xml.first(project, "dependencyManagement"));
            }
        }
        Element managed = Xml.first(Xml.first(project, "dependencyManagement"), "dependencies");
        List<FunctionDependencies.Declared> declared = FunctionDependencies.addTo(pom, Xml.first(project, "dependencies"), managed,
                userPom, functionDir);
        declared.forEach(d -> pinRuntimeVersion(d, userProperties));
        explainVersionlessDependencies(project, declared);
        return Xml.serialise(pom);
    }

    /**
     * A dependency the runtime itself needs at run time (Jackson, Vert.x, Netty, ...) cannot take
     * the function's version: one class path serves both. Keep the runtime's, and say so.
     */
    private void pinRuntimeVersion(FunctionDependencies.Declared dependency, Map<String, String> userProperties) {
        String runtimeVersion = runtimeArtifacts.get(dependency.key());
        Element version = Xml.first(dependency.element(), "version");
        if (runtimeVersion == null || version == null) {
            return;
        }
        String declared = FunctionPom.interpolate(version.getTextContent().trim(), userProperties);
        if (!declared.equals(runtimeVersion)) {
            warnings.add("the function's " + dependency.file() + " asks for " + dependency.key() + ":" + declared + ", but the runtime needs "
                    + dependency.key() + ":" + runtimeVersion + " at run time; the function gets " + runtimeVersion);
            version.setTextContent(runtimeVersion);
        }
    }

    /**
     * A dependency declared without a version takes it from a BOM the workspace pom imports: the
     * runtime's, or a Gradle platform. Say which, so an unexpected version is not a mystery.
     */
    private void explainVersionlessDependencies(Element project, List<FunctionDependencies.Declared> declared) {
        List<Element> boms = Xml.children(Xml.first(Xml.first(project, "dependencyManagement"), "dependencies")).stream()
                .filter(d -> "import".equals(Xml.textOf(d, "scope"))).toList();
        Map<String, String> properties = new HashMap<>();
        Xml.children(Xml.first(project, "properties")).forEach(p -> properties.put(p.getTagName(), p.getTextContent().trim()));
        for (FunctionDependencies.Declared dependency : declared) {
            if (!dependency.versionless()) {
                continue;
            }
            String from = null;
            for (Element bom : boms) {
                String version = FunctionPom.interpolate(Xml.textOf(bom, "version"), properties);
                String managed = managedVersion(Xml.textOf(bom, "groupId"), Xml.textOf(bom, "artifactId"), version, dependency.key());
                if (managed != null) {
                    from = "gets " + managed + " from the BOM " + Xml.textOf(bom, "groupId") + ":" + Xml.textOf(bom, "artifactId") + ":" + version;
                    break;
                }
            }
            if (from == null) {
                List<String> names = boms.stream().map(b -> Xml.textOf(b, "groupId") + ":" + Xml.textOf(b, "artifactId")).toList();
                from = "takes its version from one of the BOMs " + String.join(", ", names) + " if one manages it";
            }
            warnings.add("the function's dependency " + dependency.key() + " has no version: it " + from);
        }
    }

    /** The version a BOM in the local Maven repository manages for {@code key}, or null (not there, or not managed). */
    static String managedVersion(String group, String artifact, String version, String key) {
        Path file = Path.of(System.getProperty("user.home"), ".m2", "repository").resolve(group.replace('.', '/'))
                .resolve(artifact).resolve(version).resolve(artifact + "-" + version + ".pom");
        if (!Files.isRegularFile(file)) {
            return null;
        }
        Element management = Xml.first(Xml.read(file, "the BOM " + file).getDocumentElement(), "dependencyManagement");
        for (Element managed : Xml.children(Xml.first(management, "dependencies"))) {
            if (key.equals(Xml.textOf(managed, "groupId") + ":" + Xml.textOf(managed, "artifactId"))) {
                return Xml.textOf(managed, "version");
            }
        }
        return null;
    }

    /**
     * The runtime's own tests have no place in a function's build: their sources, resources, test
     * functions and the builder's own sources would be compiled against test dependencies this
     * project does not declare, and fail.
     * Points the test source folder at an empty one in the workspace and drops the rest.
     */
    private void withoutRuntimeTests(Element project) {
        Element build = Xml.first(project, "build");
        Path noTests = workspace.resolve("no-tests");
        createDirectories(noTests);
        Xml.first(build, "testSourceDirectory").setTextContent(noTests.toString());
        // The runtime's one profile serves a function in dev mode (-Dfunction): nothing a native build wants.
        Element profiles = Xml.first(project, "profiles");
        if (profiles != null) {
            project.removeChild(profiles);
        }
        build.removeChild(Xml.first(build, "testResources"));
        NodeList executions = project.getElementsByTagName("execution");
        for (int i = executions.getLength() - 1; i >= 0; i--) {
            Element execution = (Element) executions.item(i);
            String id = Xml.textOf(execution, "id");
            if (id != null && RUNTIME_TEST_EXECUTIONS.contains(id)) {
                execution.getParentNode().removeChild(execution);
                continue;
            }
            Element goals = Xml.first(execution, "goals");
            if (goals != null) {
                Xml.children(goals).stream().filter(g -> g.getTextContent().trim().equals("generate-code-tests"))
                        .forEach(goals::removeChild);
            }
        }
    }

    private static void createDirectories(Path folder) {
        try {
            Files.createDirectories(folder);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void writeFile(Path file, String content) throws IOException {
        Files.createDirectories(file.getParent());
        Files.writeString(file, content);
    }
}
