package io.openruntimes.build;

import java.nio.file.Path;
import java.util.List;
import org.w3c.dom.Document;
import org.w3c.dom.Element;

/**
 * The minimal pom a JVM build runs Maven on, to resolve the function's dependencies and nothing
 * else: the function's properties, repositories, dependency management and dependencies (its
 * pom.xml's and its Gradle files', see {@link FunctionDependencies}), in the versions it declares
 * (no runtime BOM), and the dependency plugin's listing of them with their files.
 */
final class ResolutionPom {

    /** The dependency plugin, pinned: its listing's format is what {@link DependencyResolver} reads. */
    static final String DEPENDENCY_PLUGIN_VERSION = "3.9.0";
    /** The plugin execution that lists the resolved artifacts. */
    static final String EXECUTION = "resolve";

    private final Document document;
    private final List<FunctionDependencies.Declared> declared;
    private final boolean boms;

    private ResolutionPom(Document document, List<FunctionDependencies.Declared> declared, boolean boms) {
        this.document = document;
        this.declared = declared;
        this.boms = boms;
    }

    /** The pom for the function in {@code folder} ({@code userPom}: its pom.xml, or null), listing into {@code listing}. */
    static ResolutionPom of(Path folder, FunctionPom userPom, Path listing) {
        Document pom = Xml.empty();
        Element project = pom.createElement("project");
        pom.appendChild(project);
        project.appendChild(pom.createComment(" Written by the function builder from the function's pom.xml and *.gradle files:"
                + " its dependencies, resolved as it declares them. "));
        Xml.child(project, "modelVersion", "4.0.0");
        Xml.child(project, "groupId", "io.openruntimes.function");
        Xml.child(project, "artifactId", "function-dependencies");
        Xml.child(project, "version", "0");
        Xml.child(project, "packaging", "pom");
        Element properties = pom.createElement("properties");
        project.appendChild(properties);
        Xml.child(properties, "project.build.sourceEncoding", "UTF-8");
        Element management = null;
        if (userPom != null) {
            userPom.propertyElements().forEach(p -> properties.appendChild(pom.importNode(p, true)));
            if (userPom.repositories() != null) {
                project.appendChild(pom.importNode(userPom.repositories(), true));
            }
            if (userPom.dependencyManagement() != null) {
                management = (Element) pom.importNode(userPom.dependencyManagement(), true);
            }
        }
        if (management == null) {
            management = pom.createElement("dependencyManagement");
        }
        project.appendChild(management);
        Element managed = Xml.first(management, "dependencies");
        if (managed == null) {
            managed = pom.createElement("dependencies");
            management.appendChild(managed);
        }
        Element dependencies = pom.createElement("dependencies");
        project.appendChild(dependencies);
        List<FunctionDependencies.Declared> declared = FunctionDependencies.addTo(pom, dependencies, managed, userPom, folder);
        if (declared.isEmpty()) {
            project.removeChild(dependencies);
        }
        boolean boms = !Xml.children(managed).isEmpty();

        Element plugin = pom.createElement("plugin");
        Xml.child(plugin, "groupId", "org.apache.maven.plugins");
        Xml.child(plugin, "artifactId", "maven-dependency-plugin");
        Xml.child(plugin, "version", DEPENDENCY_PLUGIN_VERSION);
        Element execution = pom.createElement("execution");
        Xml.child(execution, "id", EXECUTION);
        Element configuration = pom.createElement("configuration");
        Xml.child(configuration, "outputFile", listing.toString());
        Xml.child(configuration, "outputAbsoluteArtifactFilename", "true");
        Xml.child(configuration, "outputScope", "true");
        execution.appendChild(configuration);
        Element executions = pom.createElement("executions");
        executions.appendChild(execution);
        plugin.appendChild(executions);
        Element plugins = pom.createElement("plugins");
        plugins.appendChild(plugin);
        Element build = pom.createElement("build");
        build.appendChild(plugins);
        project.appendChild(build);
        return new ResolutionPom(pom, declared, boms);
    }

    /** Whether the function declares no dependency: then there is nothing for Maven to do. */
    boolean empty() {
        return declared.isEmpty();
    }

    List<FunctionDependencies.Declared> declared() {
        return declared;
    }

    /**
     * A dependency without a version gets one from a BOM the function declares (a Gradle platform,
     * its pom's dependency management), or from nowhere: no runtime BOM applies to a JVM build.
     * Without any BOM, that is known before Maven runs.
     */
    void checkVersions() {
        if (boms) {
            return; // which BOM manages what is Maven's to say (DependencyResolver names the file)
        }
        for (FunctionDependencies.Declared dependency : declared) {
            if (dependency.versionless()) {
                throw versionless(dependency);
            }
        }
    }

    static BuildFailure versionless(FunctionDependencies.Declared dependency) {
        return new BuildFailure(dependency.origin() + ": the dependency " + dependency.key() + " has no version, and no BOM"
                + " the function declares manages it: write its version (the runtime's versions do not apply to the function)");
    }

    String xml() {
        return Xml.serialise(document);
    }
}
