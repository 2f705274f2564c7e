package io.openruntimes.quarkus.build;

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
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import javax.lang.model.element.Modifier;
import javax.tools.JavaCompiler;
import javax.tools.ToolProvider;
import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.transform.OutputKeys;
import javax.xml.transform.TransformerFactory;
import javax.xml.transform.dom.DOMSource;
import javax.xml.transform.stream.StreamResult;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.Node;
import org.w3c.dom.NodeList;

/**
 * Turns a function folder into a Maven project that builds the runtime with the function in it.
 *
 * <p>Writes, into the workspace: a {@code pom.xml} that is the runtime's own plus the function's
 * dependencies (from its {@code pom.xml} and any root {@code *.gradle} file, declared directly, so
 * they keep their versions), and a {@code generated/} resource folder naming the entrypoint class,
 * keeping the function's classes out of CDI, and registering the entrypoint for native reflection.
 * Before that it checks what would otherwise fail later and less clearly: links out of the folder,
 * files that would replace a runtime class, and (classic protocol) an entry class without a usable
 * {@code main}. Java sources are read with javac's own parser.
 *
 * <p>Self-contained on purpose (JDK only, one file): {@code build.sh} runs it with the source
 * launcher before anything is compiled. Usage:
 * {@code java FunctionProject.java [--dev] <runtime root> <function folder> <entrypoint> <workspace>}
 * ({@code --dev}: the project is for {@code quarkus:dev}, see {@link #devModeLayout}); the protocol
 * comes from {@code OPENRUNTIMES_PROTOCOL} ({@code classic}, the default, or {@code v5}).
 */
public final class FunctionProject {

    /** The runtime's own packages: a function's class there would replace or join the runtime's. */
    static final String RUNTIME_PACKAGE = "io.openruntimes.quarkus";
    /** The v5 API's package, which functions written for upstream share (contract-v5 section 5). */
    static final String V5_API_PACKAGE = "io.openruntimes.java";
    static final Set<String> V5_API_CLASSES = Set.of("RuntimeContext", "RuntimeRequest", "RuntimeResponse",
            "RuntimeOutput", "RuntimeLogger");
    /** The function API artifact (src/api/pom.xml): a function's pom may declare it for its IDE and tests. */
    static final String FUNCTION_API_GROUP = "io.openruntimes";
    static final String FUNCTION_API_ARTIFACT = "function-api";

    private final Path runtimeRoot;
    private final Path functionDir;
    private final String entrypoint;
    private final Path workspace;
    private final Map<String, String> runtimeArtifacts;
    private final List<String> warnings = new ArrayList<>();
    private boolean devMode;
    private boolean v5;

    FunctionProject(Path runtimeRoot, Path functionDir, String entrypoint, Path workspace, Map<String, String> runtimeArtifacts) {
        this.runtimeRoot = runtimeRoot.toAbsolutePath().normalize();
        this.functionDir = functionDir.toAbsolutePath().normalize();
        this.entrypoint = entrypoint;
        this.workspace = workspace.toAbsolutePath().normalize();
        this.runtimeArtifacts = runtimeArtifacts;
    }

    public static void main(String[] args) {
        boolean devMode = args.length > 0 && args[0].equals("--dev");
        if (devMode) {
            args = Arrays.copyOfRange(args, 1, args.length);
        }
        if (args.length != 4) {
            System.err.println("usage: FunctionProject [--dev] <runtime root> <function folder> <entrypoint> <workspace>");
            System.exit(2);
        }
        try {
            Path runtime = Path.of(args[0]);
            Path function = Path.of(args[1]);
            Path workspace = Path.of(args[3]);
            boolean v5 = isV5(System.getenv("OPENRUNTIMES_PROTOCOL"));
            // Only a function with dependencies of its own can clash with the runtime's.
            Map<String, String> runtimeArtifacts = Files.isRegularFile(function.resolve("pom.xml"))
                    || !GradleDependencies.files(function).isEmpty() ? runtimeArtifacts(runtime, workspace) : Map.of();
            FunctionProject project = new FunctionProject(runtime, function, args[2], workspace, runtimeArtifacts);
            project.devMode = devMode;
            project.v5 = v5;
            String className = project.write();
            // Standard output is the class name alone: the scripts read it.
            project.warnings.forEach(w -> System.err.println("WARNING: " + w));
            System.out.println(className);
        } catch (BuildFailure e) {
            System.err.println((devMode ? "dev.sh: " : "build.sh: ") + e.getMessage());
            System.exit(1);
        }
    }

    static boolean isV5(String protocol) {
        if (protocol == null || protocol.isEmpty() || protocol.equals("classic")) {
            return false;
        }
        if (protocol.equals("v5")) {
            return true;
        }
        throw new BuildFailure("OPENRUNTIMES_PROTOCOL must be classic or v5, not '" + protocol + "'");
    }

    FunctionProject v5(boolean v5) {
        this.v5 = v5;
        return this;
    }

    /**
     * The runtime's own run-time artifacts, listed once by Maven into the runtime's target folder
     * and listed again only when its pom changes.
     */
    static Map<String, String> runtimeArtifacts(Path runtimeRoot, Path workspace) {
        Path list = runtimeRoot.resolve("target/runtime-dependencies.txt");
        Path pom = runtimeRoot.resolve("pom.xml");
        try {
            if (!Files.isRegularFile(list) || Files.size(list) == 0
                    || Files.getLastModifiedTime(pom).compareTo(Files.getLastModifiedTime(list)) > 0) {
                Files.createDirectories(workspace);
                Path log = workspace.resolve("runtime-dependencies.log");
                Process maven = new ProcessBuilder(runtimeRoot.resolve("mvnw").toString(), "-B", "-q",
                        "-Dquarkus.analytics.disabled=true", "dependency:list", "-DincludeScope=runtime",
                        "-DoutputFile=" + list)
                        .directory(runtimeRoot.toFile()).redirectErrorStream(true).redirectOutput(log.toFile())
                        .start();
                if (maven.waitFor() != 0) {
                    throw new BuildFailure("could not list the runtime's own dependencies:\n" + Files.readString(log));
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new BuildFailure("interrupted while listing the runtime's own dependencies");
        }
        return readDependencyList(list);
    }

    /** Writes the workspace project; answers the entrypoint's fully qualified class name. */
    String write() {
        Layout layout = Layout.of(functionDir);
        Path source = layout.entrypoint(functionDir, entrypoint);
        if (!source.startsWith(functionDir)) {
            throw new BuildFailure("the entrypoint " + entrypoint + " is outside the code folder");
        }
        if (!Files.isRegularFile(source)) {
            throw new BuildFailure("entrypoint file not found: " + source
                    + " (INTERNAL_RUNTIME_ENTRYPOINT=" + entrypoint + ", relative to the code folder)");
        }
        if (!source.getFileName().toString().endsWith(".java")) {
            throw new BuildFailure("the entrypoint must be a .java file, got " + entrypoint);
        }
        checkLinksStayInside(functionDir);
        Sources sources = Sources.parse(layout.sources(), functionDir);
        sources.checkNoRuntimeClass();
        sources.checkNoFrameworkHooks();
        String className = sources.className(source);
        if (!v5) {
            // v5 builds without a main on purpose (contract-v5 6.1: the no-export fixture builds, then answers 503).
            sources.checkClassicEntryClass(source);
        }
        try {
            Path generated = workspace.resolve("generated");
            writeFile(generated.resolve("META-INF/microprofile-config.properties"), """
                    # Written by build.sh: the function this build serves.
                    openruntimes.function.class=%s
                    openruntimes.function.entrypoint=%s
                    # The function's classes are not CDI beans: their @Observes, @Startup, producers... never run.
                    quarkus.arc.exclude-types=%s
                    """.formatted(className, entrypoint, String.join(",", sources.excludedFromCdi())));
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
            writeFile(workspace.resolve("pom.xml"), pom(generated));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return className;
    }

    /** Whether the project is for {@code quarkus:dev} (see {@link #devModeLayout}). */
    void devMode(boolean devMode) {
        this.devMode = devMode;
    }

    List<String> warnings() {
        return warnings;
    }

    /**
     * A symbolic link whose target is outside the function folder would hand an outside file (say
     * {@code /etc/passwd} linked as {@code passwd.java}) to the compiler: refused. Links inside are fine.
     */
    static void checkLinksStayInside(Path folder) {
        try (Stream<Path> files = Files.walk(folder)) {
            Path root = folder.toRealPath();
            for (Path file : (Iterable<Path>) files::iterator) {
                if (!Files.isSymbolicLink(file)) {
                    continue;
                }
                Path target = Files.readSymbolicLink(file);
                Path resolved = file.getParent().resolve(target).normalize();
                if (Files.exists(resolved)) {
                    resolved = resolved.toRealPath();
                }
                if (!resolved.startsWith(root)) {
                    throw new BuildFailure("the symbolic link " + folder.relativize(file) + " points outside the code folder (to "
                            + target + "): copy what it points to into the folder instead");
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * The runtime's own pom, renamed, pointed at the runtime's sources and the function's, with
     * the function's properties, repositories and dependencies added.
     */
    private String pom(Path generated) {
        Document userPom = readUserPom();
        Document pom = readXml(runtimeRoot.resolve("pom.xml"), "the runtime's pom.xml");
        Element project = pom.getDocumentElement();
        project.insertBefore(pom.createComment(" Written by build.sh from the runtime's pom and the function's pom.xml; do not edit. "),
                project.getFirstChild());
        first(project, "artifactId").setTextContent("function");
        // The runtime's own tests are not built here: don't resolve what only they need.
        Element runtimeDependencies = first(project, "dependencies");
        children(runtimeDependencies).stream().filter(d -> "test".equals(textOf(d, "scope")))
                .forEach(runtimeDependencies::removeChild);

        Element properties = first(project, "properties");
        Map<String, String> userProperties = new HashMap<>();
        if (userPom != null) {
            Element declared = first(userPom.getDocumentElement(), "properties");
            if (declared != null) {
                for (Element property : children(declared)) {
                    userProperties.put(property.getTagName(), property.getTextContent().trim());
                    properties.appendChild(pom.importNode(property, true));
                }
            }
        }
        first(properties, "runtime.root").setTextContent(runtimeRoot.toString());
        Layout layout = Layout.of(functionDir);
        first(properties, "function.dir").setTextContent(layout.sources().toString());
        first(properties, "function.resources").setTextContent(layout.resources().toString());
        first(properties, "function.generated").setTextContent(generated.toString());
        javaRelease(properties, userProperties);
        withoutRuntimeTests(project);
        if (devMode) {
            devModeLayout(project);
            if (!layout.maven() && Files.isDirectory(functionDir.resolve("src/test"))) {
                // Dev mode's reload compiles every changed .java file under a source root, excludes or not.
                warnings.add("in a flat folder, dev mode compiles a saved file under src/test as the function's own:"
                        + " keep the function in src/main/java (Maven's layout) to edit its tests while it runs");
            }
        }

        Element dependencies = first(project, "dependencies");
        Set<String> declaredKeys = new LinkedHashSet<>();
        List<Element> functionDependencies = new ArrayList<>();
        if (userPom != null) {
            warnAboutIgnoredParts(userPom.getDocumentElement());
            Element repositories = first(userPom.getDocumentElement(), "repositories");
            if (repositories != null) {
                project.insertBefore(pom.importNode(repositories, true), first(project, "dependencyManagement"));
            }
            Element declared = first(userPom.getDocumentElement(), "dependencies");
            if (declared != null) {
                dependencies.appendChild(pom.createComment(" The function's own dependencies (pom.xml) "));
                for (Element dependency : children(declared)) {
                    if (!served(dependency)) {
                        continue;
                    }
                    Element merged = (Element) pom.importNode(dependency, true);
                    declaredKeys.add(key(merged));
                    pinRuntimeVersion(merged, userProperties, "pom.xml");
                    dependencies.appendChild(merged);
                    functionDependencies.add(merged);
                }
            }
        }
        functionDependencies.addAll(addGradleDependencies(pom, project, declaredKeys));
        explainVersionlessDependencies(project, functionDependencies);
        return serialise(pom);
    }

    /**
     * The root {@code *.gradle} files' dependencies, after the pom's: a dependency both declare
     * keeps the pom's declaration; test ones are left out (nothing of a function's tests is served).
     * A platform becomes a BOM import, after the runtime's BOM, so the runtime's versions still win.
     */
    private List<Element> addGradleDependencies(Document pom, Element project, Set<String> declaredKeys) {
        List<Element> added = new ArrayList<>();
        Element dependencies = first(project, "dependencies");
        Element managed = first(first(project, "dependencyManagement"), "dependencies");
        for (Path file : GradleDependencies.files(functionDir)) {
            List<GradleDependencies.Dependency> read = GradleDependencies.read(file);
            if (read.isEmpty()) {
                continue;
            }
            String name = file.getFileName().toString();
            dependencies.appendChild(pom.createComment(" The function's own dependencies (" + name + ") "));
            for (GradleDependencies.Dependency dependency : read) {
                if (dependency.scope().equals("test")) {
                    continue;
                }
                boolean bom = dependency.scope().equals("import");
                if (!bom && !declaredKeys.add(dependency.key())) {
                    continue; // the pom's (or an earlier file's) declaration stands
                }
                Element element = pom.createElement("dependency");
                child(element, "groupId", dependency.group());
                child(element, "artifactId", dependency.artifact());
                child(element, "version", dependency.version());
                child(element, "classifier", dependency.classifier());
                if (bom) {
                    child(element, "type", "pom");
                }
                if (!dependency.scope().equals("compile")) {
                    child(element, "scope", dependency.scope());
                }
                if (bom) {
                    managed.appendChild(element);
                } else {
                    pinRuntimeVersion(element, Map.of(), name);
                    dependencies.appendChild(element);
                    added.add(element);
                }
            }
        }
        return added;
    }

    private static void child(Element parent, String name, String text) {
        if (text != null) {
            Element element = parent.getOwnerDocument().createElement(name);
            element.setTextContent(text);
            parent.appendChild(element);
        }
    }

    private static String key(Element dependency) {
        String classifier = textOf(dependency, "classifier");
        return textOf(dependency, "groupId") + ":" + textOf(dependency, "artifactId") + (classifier == null ? "" : ":" + classifier);
    }

    /** What the build takes from a function's pom.xml; other sections are named in a warning. */
    static final Set<String> POM_HONOURED = Set.of("properties", "repositories", "dependencies");
    /** Descriptive sections: nothing to honour, nothing to warn about. */
    static final Set<String> POM_DESCRIPTIVE = Set.of("modelVersion", "groupId", "artifactId", "version", "packaging", "name",
            "description", "url", "inceptionYear", "organization", "licenses", "developers", "contributors", "scm",
            "issueManagement", "ciManagement", "mailingLists", "prerequisites");

    private void warnAboutIgnoredParts(Element userProject) {
        List<String> ignored = children(userProject).stream().map(Element::getTagName)
                .filter(tag -> !POM_HONOURED.contains(tag) && !POM_DESCRIPTIVE.contains(tag))
                .map(tag -> "<" + tag + ">").distinct().toList();
        if (!ignored.isEmpty()) {
            warnings.add("the function's pom.xml has " + String.join(", ", ignored) + ", which the build does not honour: "
                    + "only its <properties>, <repositories> and <dependencies> are used (the runtime's own build and BOM apply)");
        }
    }

    /**
     * A dependency declared without a version takes it from a BOM the workspace pom imports: the
     * runtime's, or a Gradle platform. Say which, so an unexpected version is not a mystery.
     */
    private void explainVersionlessDependencies(Element project, List<Element> functionDependencies) {
        List<Element> boms = children(first(first(project, "dependencyManagement"), "dependencies")).stream()
                .filter(d -> "import".equals(textOf(d, "scope"))).toList();
        for (Element dependency : functionDependencies) {
            if (first(dependency, "version") != null) {
                continue;
            }
            String key = textOf(dependency, "groupId") + ":" + textOf(dependency, "artifactId");
            String from = null;
            for (Element bom : boms) {
                String version = interpolate(textOf(bom, "version"), propertiesOf(project));
                String managed = managedVersion(textOf(bom, "groupId"), textOf(bom, "artifactId"), version, key);
                if (managed != null) {
                    from = "gets " + managed + " from the BOM " + textOf(bom, "groupId") + ":" + textOf(bom, "artifactId") + ":" + version;
                    break;
                }
            }
            if (from == null) {
                List<String> names = boms.stream().map(b -> textOf(b, "groupId") + ":" + textOf(b, "artifactId")).toList();
                from = "takes its version from one of the BOMs " + String.join(", ", names) + " if one manages it";
            }
            warnings.add("the function's dependency " + key + " has no version: it " + from);
        }
    }

    private static Map<String, String> propertiesOf(Element project) {
        Map<String, String> properties = new HashMap<>();
        children(first(project, "properties")).forEach(p -> properties.put(p.getTagName(), p.getTextContent().trim()));
        return properties;
    }

    /** The version a BOM in the local Maven repository manages for {@code key}, or null (not there, or not managed). */
    static String managedVersion(String group, String artifact, String version, String key) {
        Path file = Path.of(System.getProperty("user.home"), ".m2", "repository").resolve(group.replace('.', '/'))
                .resolve(artifact).resolve(version).resolve(artifact + "-" + version + ".pom");
        if (!Files.isRegularFile(file)) {
            return null;
        }
        Element management = first(readXml(file, "the BOM " + file).getDocumentElement(), "dependencyManagement");
        for (Element managed : children(first(management, "dependencies"))) {
            if (key.equals(textOf(managed, "groupId") + ":" + textOf(managed, "artifactId"))) {
                return textOf(managed, "version");
            }
        }
        return null;
    }

    /**
     * Quarkus dev mode expects the project's first source folder and first resource folder inside
     * the project's own folder (its Dev UI build step fails at start otherwise), but the runtime's
     * sources and the function's are both elsewhere. So the first source folder becomes an empty
     * one in the workspace, the runtime's sources join the function's as added source folders
     * (both still compile, both are still watched for changes), and the generated resources,
     * which are in the workspace, come first.
     */
    private void devModeLayout(Element project) {
        Element build = first(project, "build");
        moveGeneratedResourcesFirst(first(build, "resources"));
        Element sourceDirectory = first(build, "sourceDirectory");
        String runtimeSources = sourceDirectory.getTextContent().trim();
        Path placeholder = workspace.resolve("src/main/java");
        try {
            Files.createDirectories(placeholder);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        sourceDirectory.setTextContent(placeholder.toString());
        NodeList sources = project.getElementsByTagName("source");
        for (int i = 0; i < sources.getLength(); i++) {
            Element functionSources = (Element) sources.item(i);
            if (functionSources.getTextContent().trim().equals("${function.dir}")) {
                Element runtime = project.getOwnerDocument().createElement("source");
                runtime.setTextContent(runtimeSources);
                functionSources.getParentNode().insertBefore(runtime, functionSources);
                return;
            }
        }
        throw new IllegalStateException("the runtime's pom.xml has no build-helper source ${function.dir}");
    }

    /**
     * The function compiles at the feature level of the JDK that builds it (the JDK it then runs
     * on), not the runtime's own floor of 17: Java 21 syntax builds on a 21 or 25 JDK. A function
     * that sets {@code maven.compiler.release} in its pom.xml keeps its own.
     */
    private static void javaRelease(Element properties, Map<String, String> userProperties) {
        // The function's own value is appended with its other properties too: both say the same.
        first(properties, "maven.compiler.release").setTextContent(
                userProperties.getOrDefault("maven.compiler.release", Integer.toString(Runtime.version().feature())));
    }

    /**
     * The runtime's own tests have no place in a function's build: their sources, resources and
     * test functions would be compiled (dev mode compiles test sources for continuous testing)
     * against test dependencies this project does not declare, and fail. Points the test source
     * folder at an empty one in the workspace and drops the rest.
     */
    private void withoutRuntimeTests(Element project) {
        Element build = first(project, "build");
        Path noTests = workspace.resolve("no-tests");
        try {
            Files.createDirectories(noTests);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        first(build, "testSourceDirectory").setTextContent(noTests.toString());
        // -Dfunction's dev-mode profile starts dev.sh: the project dev.sh runs must not do it again.
        Element profiles = first(project, "profiles");
        if (profiles != null) {
            project.removeChild(profiles);
        }
        build.removeChild(first(build, "testResources"));
        NodeList executions = project.getElementsByTagName("execution");
        for (int i = executions.getLength() - 1; i >= 0; i--) {
            Element execution = (Element) executions.item(i);
            if ("test-functions".equals(textOf(execution, "id"))) {
                execution.getParentNode().removeChild(execution);
                continue;
            }
            Element goals = first(execution, "goals");
            if (goals != null) {
                children(goals).stream().filter(g -> g.getTextContent().trim().equals("generate-code-tests"))
                        .forEach(goals::removeChild);
            }
        }
    }

    /**
     * Whether a dependency of the function's pom.xml belongs in the served build: not its test
     * dependencies (JUnit and the like, for the function's own {@code mvn test}), and not the
     * function API artifact, whose classes the runtime itself holds.
     */
    static boolean served(Element dependency) {
        boolean api = FUNCTION_API_GROUP.equals(textOf(dependency, "groupId"))
                && FUNCTION_API_ARTIFACT.equals(textOf(dependency, "artifactId"));
        return !api && !"test".equals(textOf(dependency, "scope"));
    }

    /** The {@code ${function.generated}} resource folder, with the comment above it, first in the list. */
    private static void moveGeneratedResourcesFirst(Element resources) {
        for (Element resource : children(resources)) {
            if (!"${function.generated}".equals(textOf(resource, "directory"))) {
                continue;
            }
            Node comment = resource.getPreviousSibling();
            while (comment != null && comment.getNodeType() == Node.TEXT_NODE) {
                comment = comment.getPreviousSibling();
            }
            resources.insertBefore(resource, resources.getFirstChild());
            if (comment != null && comment.getNodeType() == Node.COMMENT_NODE) {
                resources.insertBefore(comment, resource);
            }
        }
    }

    /**
     * A dependency the runtime itself needs at run time (Jackson, Vert.x, Netty, ...) cannot take
     * the function's version: one class path serves both. Keep the runtime's, and say so.
     */
    private void pinRuntimeVersion(Element dependency, Map<String, String> userProperties, String origin) {
        String key = textOf(dependency, "groupId") + ":" + textOf(dependency, "artifactId");
        String runtimeVersion = runtimeArtifacts.get(key);
        Element version = first(dependency, "version");
        if (runtimeVersion == null || version == null) {
            return;
        }
        String declared = interpolate(version.getTextContent().trim(), userProperties);
        if (!declared.equals(runtimeVersion)) {
            warnings.add("the function's " + origin + " asks for " + key + ":" + declared + ", but the runtime needs "
                    + key + ":" + runtimeVersion + " at run time; the function gets " + runtimeVersion);
            version.setTextContent(runtimeVersion);
        }
    }

    private Document readUserPom() {
        Path file = functionDir.resolve("pom.xml");
        return Files.isRegularFile(file) ? readXml(file, "the function's pom.xml") : null;
    }

    private static Document readXml(Path file, String what) {
        try {
            DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
            factory.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
            factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
            return factory.newDocumentBuilder().parse(file.toFile());
        } catch (Exception e) {
            throw new BuildFailure(what + " cannot be read (" + file + "): " + e.getMessage());
        }
    }

    /**
     * The runtime's run-time artifacts as {@code group:artifact -> version}, from
     * {@code mvn dependency:list} output or Quarkus's {@code quarkus-app-dependencies.txt}.
     */
    static Map<String, String> readDependencyList(Path list) {
        Map<String, String> artifacts = new HashMap<>();
        Pattern listed = Pattern.compile("^\\s*([^\\s:]+):([^\\s:]+):([^\\s:]+):(?:([^\\s:]+):)?([^\\s:]+):(compile|runtime)\\b.*");
        Pattern quarkus = Pattern.compile("^([^\\s:]+):([^\\s:]+):([^\\s:]*):([^\\s:]+):([^\\s:]+)$");
        try (Stream<String> lines = Files.lines(list)) {
            lines.forEach(line -> {
                Matcher m = listed.matcher(line);
                if (m.matches()) {
                    artifacts.put(m.group(1) + ":" + m.group(2), m.group(5));
                    return;
                }
                m = quarkus.matcher(line.trim());
                if (m.matches()) {
                    artifacts.put(m.group(1) + ":" + m.group(2), m.group(5));
                }
            });
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return artifacts;
    }

    private static String interpolate(String value, Map<String, String> properties) {
        Matcher m = Pattern.compile("\\$\\{([^}]+)}").matcher(value);
        StringBuilder out = new StringBuilder();
        while (m.find()) {
            m.appendReplacement(out, Matcher.quoteReplacement(properties.getOrDefault(m.group(1), m.group())));
        }
        return m.appendTail(out).toString();
    }

    private static void writeFile(Path file, String content) throws IOException {
        Files.createDirectories(file.getParent());
        Files.writeString(file, content);
    }

    private static String serialise(Document document) {
        try {
            var transformer = TransformerFactory.newInstance().newTransformer();
            transformer.setOutputProperty(OutputKeys.INDENT, "yes");
            transformer.setOutputProperty("{http://xml.apache.org/xslt}indent-amount", "2");
            StringWriter out = new StringWriter();
            transformer.transform(new DOMSource(document), new StreamResult(out));
            return out.toString();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private static List<Element> children(Element parent) {
        List<Element> elements = new ArrayList<>();
        if (parent == null) {
            return elements;
        }
        for (Node n = parent.getFirstChild(); n != null; n = n.getNextSibling()) {
            if (n instanceof Element e) {
                elements.add(e);
            }
        }
        return elements;
    }

    private static Element first(Element parent, String name) {
        return parent == null ? null : children(parent).stream().filter(e -> e.getTagName().equals(name)).findFirst().orElse(null);
    }

    private static String textOf(Element parent, String name) {
        Element element = first(parent, name);
        return element == null ? null : element.getTextContent().trim();
    }

    /** The function's Java files, parsed (not compiled) with javac: what they declare, and where. */
    static final class Sources {

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

        private Sources(Path root, Map<Path, CompilationUnitTree> units, SourcePositions positions) {
            this.root = root;
            this.units = units;
            this.positions = positions;
        }

        /** The .java files the build compiles: under {@code sources}, without the function's tests and build output. */
        static Sources parse(Path sources, Path root) {
            Path tests = root.resolve("src/test");
            Path target = root.resolve("target");
            try (Stream<Path> files = Files.walk(sources)) {
                return parse(files.filter(f -> f.toString().endsWith(".java") && Files.isRegularFile(f))
                        .filter(f -> !f.startsWith(tests) && !f.startsWith(target)).sorted().toList(), root);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }

        static Sources parse(List<Path> files, Path root) {
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
                return new Sources(root.toAbsolutePath().normalize(), units, Trees.instance(task).getSourcePositions());
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
            MethodTree usable = mains.stream().filter(Sources::isUsableMain).findFirst().orElse(null);
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

    /**
     * The dependencies of a function's root {@code *.gradle} files, read without Gradle: the
     * top-level {@code dependencies { }} blocks, one declaration a line, in the common forms
     * ({@code implementation "g:a:v"}, {@code 'g:a:v:classifier'}, {@code api("g:a:v")}, the map
     * form {@code group: 'g', name: 'a', version: 'v'}, {@code platform("g:a:v")} for a BOM).
     * What it cannot read there fails the build with the file and line, rather than be dropped.
     * Everything outside those blocks (plugins, repositories, tasks) is not the build's business.
     */
    static final class GradleDependencies {

        /** One declaration; {@code scope} is Maven's ({@code import} for a platform, i.e. a BOM). */
        record Dependency(String group, String artifact, String version, String classifier, String scope, String origin) {
            /** Maven's identity of a dependency: one version per group, artifact and classifier. */
            String key() {
                return group + ":" + artifact + (classifier == null ? "" : ":" + classifier);
            }
        }

        /** Gradle's configurations, as Maven scopes; test ones are kept out of the served build. */
        static final Map<String, String> SCOPES = Map.ofEntries(
                Map.entry("implementation", "compile"), Map.entry("api", "compile"), Map.entry("compile", "compile"),
                Map.entry("compileOnly", "provided"), Map.entry("compileOnlyApi", "provided"),
                Map.entry("annotationProcessor", "provided"),
                Map.entry("runtimeOnly", "runtime"), Map.entry("runtime", "runtime"),
                Map.entry("testImplementation", "test"), Map.entry("testCompileOnly", "test"),
                Map.entry("testRuntimeOnly", "test"), Map.entry("testCompile", "test"), Map.entry("testRuntime", "test"),
                Map.entry("testAnnotationProcessor", "test"));

        private static final Pattern CALL = Pattern.compile("(\\w+)\\s*\\((.*)\\)");
        private static final Pattern COMMAND = Pattern.compile("(\\w+)\\s+(.+)");
        private static final Pattern STRING = Pattern.compile("\\s*(?:\"([^\"]*)\"|'([^']*)')\\s*");
        private static final Pattern ENTRY = Pattern.compile("\\s*(\\w+)\\s*:\\s*(?:\"([^\"]*)\"|'([^']*)')\\s*");
        private static final Pattern PLATFORM = Pattern.compile("(platform|enforcedPlatform)\\s*\\((.*)\\)");

        private GradleDependencies() {
        }

        /** The function folder's top-level {@code *.gradle} files, by name (sub-folders are not Gradle's root). */
        static List<Path> files(Path folder) {
            try (Stream<Path> files = Files.list(folder)) {
                return files.filter(f -> f.getFileName().toString().endsWith(".gradle") && Files.isRegularFile(f)).sorted().toList();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }

        static List<Dependency> read(Path file) {
            try {
                return parse(file.getFileName().toString(), Files.readString(file));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }

        static List<Dependency> parse(String fileName, String text) {
            String code = withoutComments(text);
            // The same text with string contents blanked (same length): braces in strings are not blocks.
            String structure = blankStrings(code);
            List<Dependency> dependencies = new ArrayList<>();
            Matcher block = Pattern.compile("\\bdependencies\\s*\\{").matcher(structure);
            int from = 0;
            while (block.find(from)) {
                int open = block.end() - 1;
                int close = matchingBrace(structure, open, fileName);
                if (depth(structure, block.start()) == 0) {
                    readBlock(code, open + 1, close, fileName, dependencies);
                }
                from = close + 1;
            }
            return dependencies;
        }

        private static void readBlock(String code, int start, int end, String fileName, List<Dependency> into) {
            int line = lineOf(code, start);
            StringBuilder statement = new StringBuilder();
            int statementLine = line;
            for (String text : code.substring(start, end).split("\n", -1)) {
                for (String part : text.split(";", -1)) {
                    if (statement.length() == 0) {
                        statementLine = line;
                    }
                    statement.append(part.trim());
                    // A declaration may continue on the next line: after a comma, or inside parentheses.
                    String sofar = statement.toString();
                    String unquoted = blankStrings(sofar);
                    if (sofar.endsWith(",") || count(unquoted, '(') > count(unquoted, ')')) {
                        statement.append(' ');
                        continue;
                    }
                    if (!sofar.isEmpty()) {
                        into.addAll(declaration(sofar, fileName, statementLine));
                    }
                    statement.setLength(0);
                }
                line++;
            }
            if (!statement.toString().isBlank()) {
                throw unreadable(fileName, statementLine, statement.toString().trim(), "it does not end");
            }
        }

        private static List<Dependency> declaration(String statement, String fileName, int line) {
            if (blankStrings(statement).contains("{") || blankStrings(statement).contains("}")) {
                throw unreadable(fileName, line, statement, "a block here (exclusions, constraints...) is not supported");
            }
            Matcher m = CALL.matcher(statement);
            if (!m.matches()) {
                m = COMMAND.matcher(statement);
            }
            if (!m.matches()) {
                throw unreadable(fileName, line, statement, "expected a configuration and coordinates, as in implementation \"group:artifact:version\"");
            }
            String configuration = m.group(1);
            String scope = SCOPES.get(configuration);
            if (scope == null) {
                throw unreadable(fileName, line, statement, "unknown configuration " + configuration + " (known: "
                        + String.join(", ", new TreeSet<>(SCOPES.keySet())) + ")");
            }
            String arguments = m.group(2).trim();
            Matcher platform = PLATFORM.matcher(arguments);
            if (platform.matches()) {
                scope = "import";
                arguments = platform.group(2).trim();
            }
            String origin = fileName + ":" + line;
            List<Dependency> found = new ArrayList<>();
            if (ENTRY.matcher(arguments).lookingAt()) {
                found.add(fromMap(arguments, scope, origin, statement));
            } else {
                for (String literal : splitOutsideStrings(arguments)) {
                    found.add(fromCoordinates(stringValue(literal, fileName, line, statement), scope, origin, statement));
                }
            }
            for (Dependency dependency : found) {
                check(dependency, statement);
            }
            return found;
        }

        private static Dependency fromCoordinates(String coordinates, String scope, String origin, String statement) {
            String[] parts = coordinates.split(":", -1);
            if (parts.length < 2 || parts.length > 4 || Arrays.stream(parts).anyMatch(String::isBlank)) {
                throw unreadable(origin, statement, "coordinates are group:artifact[:version[:classifier]], not '" + coordinates + "'");
            }
            return new Dependency(parts[0], parts[1], parts.length > 2 ? parts[2] : null, parts.length > 3 ? parts[3] : null, scope, origin);
        }

        private static Dependency fromMap(String arguments, String scope, String origin, String statement) {
            Map<String, String> entries = new HashMap<>();
            for (String entry : splitOutsideStrings(arguments)) {
                Matcher m = ENTRY.matcher(entry);
                if (!m.matches()) {
                    throw unreadable(origin, statement, "expected key: 'value' entries (group, name, version, classifier), not '" + entry.trim() + "'");
                }
                String value = m.group(2) != null ? m.group(2) : m.group(3);
                if (m.group(2) != null && value.contains("$")) {
                    throw unreadable(origin, statement, "it uses a variable, which only Gradle can evaluate: write the value");
                }
                entries.put(m.group(1), value);
            }
            Set<String> unknown = new TreeSet<>(entries.keySet());
            unknown.removeAll(Set.of("group", "name", "version", "classifier"));
            if (!unknown.isEmpty() || !entries.containsKey("group") || !entries.containsKey("name")) {
                throw unreadable(origin, statement, "the map form takes group, name, and optionally version and classifier"
                        + (unknown.isEmpty() ? "" : ", not " + String.join(", ", unknown)));
            }
            return new Dependency(entries.get("group"), entries.get("name"), entries.get("version"), entries.get("classifier"), scope, origin);
        }

        private static String stringValue(String literal, String fileName, int line, String statement) {
            Matcher m = STRING.matcher(literal);
            if (!m.matches()) {
                throw unreadable(fileName, line, statement, "expected quoted coordinates, as in \"group:artifact:version\"");
            }
            if (m.group(1) != null && m.group(1).contains("$")) {
                throw unreadable(fileName, line, statement, "it uses a variable, which only Gradle can evaluate: write the value");
            }
            return m.group(1) != null ? m.group(1) : m.group(2);
        }

        /** What Maven could not take as Gradle means it. */
        private static void check(Dependency dependency, String statement) {
            String version = dependency.version();
            if (version != null && (version.contains("+") || version.startsWith("latest."))) {
                throw unreadable(dependency.origin(), statement, "Gradle's dynamic version " + version
                        + " has no Maven equivalent: name one version, or a Maven range such as [1.0,2.0)");
            }
            if ((version != null && version.contains("@")) || (dependency.classifier() != null && dependency.classifier().contains("@"))
                    || dependency.artifact().contains("@")) {
                throw unreadable(dependency.origin(), statement, "an @extension is not supported");
            }
            if (dependency.scope().equals("import") && version == null) {
                throw unreadable(dependency.origin(), statement, "a platform needs a version");
            }
        }

        private static BuildFailure unreadable(String fileName, int line, String statement, String why) {
            return unreadable(fileName + ":" + line, statement, why);
        }

        private static BuildFailure unreadable(String origin, String statement, String why) {
            return new BuildFailure(origin + ": cannot read the dependency `" + statement + "`: " + why);
        }

        /**
         * The text with its comments blanked out (newlines kept, so lines still count), strings
         * left as they are: a {@code //} inside a URL is not a comment.
         */
        static String withoutComments(String text) {
            StringBuilder out = new StringBuilder(text.length());
            char quote = 0;
            for (int i = 0; i < text.length(); i++) {
                char c = text.charAt(i);
                char next = i + 1 < text.length() ? text.charAt(i + 1) : 0;
                if (quote != 0) {
                    out.append(c);
                    if (c == '\\' && next != 0) {
                        out.append(next);
                        i++;
                    } else if (c == quote || c == '\n') {
                        quote = 0;
                    }
                } else if (c == '"' || c == '\'') {
                    quote = c;
                    out.append(c);
                } else if (c == '/' && next == '/') {
                    while (i < text.length() && text.charAt(i) != '\n') {
                        i++;
                    }
                    if (i < text.length()) {
                        out.append('\n');
                    }
                } else if (c == '/' && next == '*') {
                    int end = text.indexOf("*/", i + 2);
                    end = end < 0 ? text.length() : end + 2;
                    for (int j = i; j < end; j++) {
                        out.append(text.charAt(j) == '\n' ? '\n' : ' ');
                    }
                    i = end - 1;
                } else {
                    out.append(c);
                }
            }
            return out.toString();
        }

        /** How deep in braces {@code position} is, in code whose strings are blanked. */
        private static int depth(String structure, int position) {
            String before = structure.substring(0, position);
            return count(before, '{') - count(before, '}');
        }

        private static int matchingBrace(String structure, int open, String fileName) {
            int depth = 0;
            for (int i = open; i < structure.length(); i++) {
                char c = structure.charAt(i);
                if (c == '{') {
                    depth++;
                } else if (c == '}' && --depth == 0) {
                    return i;
                }
            }
            throw new BuildFailure(fileName + ":" + lineOf(structure, open) + ": the dependencies block has no closing brace");
        }

        private static int lineOf(String code, int position) {
            int line = 1;
            for (int i = 0; i < position; i++) {
                if (code.charAt(i) == '\n') {
                    line++;
                }
            }
            return line;
        }

        /** The text with what is inside quotes blanked (quotes kept): to find Groovy's own punctuation. */
        private static String blankStrings(String text) {
            StringBuilder out = new StringBuilder(text.length());
            char quote = 0;
            for (int i = 0; i < text.length(); i++) {
                char c = text.charAt(i);
                if (quote != 0 && c == '\\' && i + 1 < text.length()) {
                    out.append("  "); // an escape and what it escapes (\" does not end the string)
                    i++;
                } else if (quote != 0 && c == '\n') {
                    out.append(c); // Groovy's quoted strings end with their line; so do line numbers
                    quote = 0;
                } else if (quote != 0) {
                    out.append(c == quote ? c : ' ');
                    quote = c == quote ? 0 : quote;
                } else {
                    out.append(c);
                    quote = c == '"' || c == '\'' ? c : 0;
                }
            }
            return out.toString();
        }

        /** Comma-separated arguments; a comma inside quotes (a version range) does not separate. */
        private static List<String> splitOutsideStrings(String arguments) {
            String blanked = blankStrings(arguments);
            List<String> parts = new ArrayList<>();
            int from = 0;
            for (int i = 0; i < blanked.length(); i++) {
                if (blanked.charAt(i) == ',') {
                    parts.add(arguments.substring(from, i));
                    from = i + 1;
                }
            }
            parts.add(arguments.substring(from));
            return parts;
        }

        private static int count(String text, char c) {
            return (int) text.chars().filter(x -> x == c).count();
        }
    }

    /**
     * Where a function folder keeps its code. Maven's layout, when the folder has
     * {@code src/main/java}: the sources are there, the resources in {@code src/main/resources},
     * and {@code src/test} is the function's own business. Otherwise the flat layout: the folder
     * is both, its .java files the sources and its other files the resources (the runtime's
     * pom.xml excludes build inputs such as pom.xml and src/test from both).
     */
    record Layout(Path sources, Path resources, boolean maven) {

        static Layout of(Path functionDir) {
            Path sources = functionDir.resolve("src/main/java");
            return Files.isDirectory(sources)
                    ? new Layout(sources, functionDir.resolve("src/main/resources"), true)
                    : new Layout(functionDir, functionDir, false);
        }

        /**
         * The entrypoint file: {@code entrypoint} relative to the folder, as always; in Maven's
         * layout, when no such file is there, relative to {@code src/main/java}, so that
         * {@code Index.java} and {@code src/main/java/Index.java} name the same file.
         */
        Path entrypoint(Path functionDir, String entrypoint) {
            Path direct = functionDir.resolve(entrypoint).normalize();
            if (!maven || Files.isRegularFile(direct)) {
                if (maven && Files.isRegularFile(direct) && !direct.startsWith(sources)) {
                    throw new BuildFailure("the entrypoint " + direct + " is outside src/main/java: in a folder with"
                            + " src/main/java, the function's sources are there");
                }
                return direct;
            }
            return sources.resolve(entrypoint).normalize();
        }
    }

    /** A build stopped by something the function's author can fix; the message says what. */
    static final class BuildFailure extends RuntimeException {
        BuildFailure(String message) {
            super(message);
        }
    }
}
