package io.openruntimes.quarkus.build;

import com.sun.source.tree.CompilationUnitTree;
import com.sun.source.util.JavacTask;
import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
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
 * dependencies (declared directly, so they keep their versions), and a
 * {@code generated/} resource folder naming the entrypoint class and registering it for native
 * reflection. The entrypoint's package is read with javac's own parser.
 *
 * <p>Self-contained on purpose (JDK only, one file): {@code build.sh} runs it with the source
 * launcher before anything is compiled. Usage:
 * {@code java FunctionProject.java [--dev] <runtime root> <function folder> <entrypoint> <workspace>}
 * ({@code --dev}: the project is for {@code quarkus:dev}, see {@link #devModeLayout}).
 */
public final class FunctionProject {

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
            // Only a function with dependencies of its own can clash with the runtime's.
            Map<String, String> runtimeArtifacts = Files.isRegularFile(function.resolve("pom.xml"))
                    ? runtimeArtifacts(runtime, workspace) : Map.of();
            FunctionProject project = new FunctionProject(runtime, function, args[2], workspace, runtimeArtifacts);
            project.devMode = devMode;
            String className = project.write();
            // Standard output is the class name alone: the scripts read it.
            project.warnings.forEach(w -> System.err.println("WARNING: " + w));
            System.out.println(className);
        } catch (BuildFailure e) {
            System.err.println((devMode ? "dev.sh: " : "build.sh: ") + e.getMessage());
            System.exit(1);
        }
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
        Path source = Layout.of(functionDir).entrypoint(functionDir, entrypoint);
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
        String className = className(source);
        try {
            Path generated = workspace.resolve("generated");
            writeFile(generated.resolve("META-INF/microprofile-config.properties"), """
                    # Written by build.sh: the function this build serves.
                    openruntimes.function.class=%s
                    openruntimes.function.entrypoint=%s
                    """.formatted(className, entrypoint));
            writeFile(generated.resolve("META-INF/native-image/io.openruntimes/function/reflect-config.json"), """
                    [
                      {
                        "name": "%s",
                        "methods": [
                          { "name": "<init>", "parameterTypes": [] },
                          { "name": "main", "parameterTypes": ["io.openruntimes.quarkus.Request", "io.openruntimes.quarkus.Response"] }
                        ]
                      }
                    ]
                    """.formatted(className));
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

    /** The package the file declares (javac's parser: comments, annotations and all) plus the file's name. */
    static String className(Path source) {
        JavaCompiler javac = ToolProvider.getSystemJavaCompiler();
        if (javac == null) {
            throw new BuildFailure("a JDK is needed to build functions, but this Java has no compiler: " + System.getProperty("java.home"));
        }
        try (var files = javac.getStandardFileManager(null, null, StandardCharsets.UTF_8)) {
            JavacTask task = (JavacTask) javac.getTask(new StringWriter(), files, null, List.of("-proc:none"), null,
                    files.getJavaFileObjects(source));
            String simpleName = source.getFileName().toString().replaceFirst("\\.java$", "");
            for (CompilationUnitTree unit : task.parse()) {
                if (unit.getPackageName() != null) {
                    return unit.getPackageName() + "." + simpleName;
                }
            }
            return simpleName;
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

        if (userPom != null) {
            Element repositories = first(userPom.getDocumentElement(), "repositories");
            if (repositories != null) {
                project.insertBefore(pom.importNode(repositories, true), first(project, "dependencyManagement"));
            }
            Element declared = first(userPom.getDocumentElement(), "dependencies");
            if (declared != null) {
                Element dependencies = first(project, "dependencies");
                dependencies.appendChild(pom.createComment(" The function's own dependencies "));
                for (Element dependency : children(declared)) {
                    if (!served(dependency)) {
                        continue;
                    }
                    Element merged = (Element) pom.importNode(dependency, true);
                    pinRuntimeVersion(merged, userProperties);
                    dependencies.appendChild(merged);
                }
            }
        }
        return serialise(pom);
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
    private void pinRuntimeVersion(Element dependency, Map<String, String> userProperties) {
        String key = textOf(dependency, "groupId") + ":" + textOf(dependency, "artifactId");
        String runtimeVersion = runtimeArtifacts.get(key);
        Element version = first(dependency, "version");
        if (runtimeVersion == null || version == null) {
            return;
        }
        String declared = interpolate(version.getTextContent().trim(), userProperties);
        if (!declared.equals(runtimeVersion)) {
            warnings.add("the function's pom.xml asks for " + key + ":" + declared + ", but the runtime needs "
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
        for (Node n = parent.getFirstChild(); n != null; n = n.getNextSibling()) {
            if (n instanceof Element e) {
                elements.add(e);
            }
        }
        return elements;
    }

    private static Element first(Element parent, String name) {
        return children(parent).stream().filter(e -> e.getTagName().equals(name)).findFirst().orElse(null);
    }

    private static String textOf(Element parent, String name) {
        Element element = first(parent, name);
        return element == null ? null : element.getTextContent().trim();
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
