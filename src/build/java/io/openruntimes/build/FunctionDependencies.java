package io.openruntimes.build;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.w3c.dom.Document;
import org.w3c.dom.Element;

/**
 * The dependencies a function declares, in its pom.xml and its root {@code *.gradle} files
 * together, written into a pom a build runs Maven on. The pom's come first; a dependency both
 * declare keeps the pom's declaration (as does one two Gradle files declare); test ones are left
 * out (nothing of a function's tests is served). A Gradle platform becomes a BOM import.
 */
final class FunctionDependencies {

    /** A dependency written into the target pom, and the file (Gradle: and line) that declared it. */
    record Declared(Element element, String file, String origin) {
        String key() {
            return Xml.textOf(element, "groupId") + ":" + Xml.textOf(element, "artifactId");
        }

        boolean versionless() {
            return Xml.first(element, "version") == null;
        }
    }

    private FunctionDependencies() {
    }

    /**
     * Appends the function's dependencies to {@code dependencies} and its Gradle platforms to
     * {@code managed} (both elements of {@code pom}); answers the dependencies appended.
     */
    static List<Declared> addTo(Document pom, Element dependencies, Element managed, FunctionPom userPom, Path folder) {
        List<Declared> added = new ArrayList<>();
        Set<String> declaredKeys = new LinkedHashSet<>();
        if (userPom != null && !userPom.dependencies().isEmpty()) {
            dependencies.appendChild(pom.createComment(" The function's own dependencies (pom.xml) "));
            for (Element dependency : userPom.dependencies()) {
                Element imported = (Element) pom.importNode(dependency, true);
                declaredKeys.add(key(imported));
                dependencies.appendChild(imported);
                added.add(new Declared(imported, FunctionPom.FILE, FunctionPom.FILE));
            }
        }
        for (Path file : GradleDependencies.files(folder)) {
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
                Xml.child(element, "groupId", dependency.group());
                Xml.child(element, "artifactId", dependency.artifact());
                Xml.child(element, "version", dependency.version());
                Xml.child(element, "classifier", dependency.classifier());
                if (bom) {
                    Xml.child(element, "type", "pom");
                }
                if (!dependency.scope().equals("compile")) {
                    Xml.child(element, "scope", dependency.scope());
                }
                if (bom) {
                    managed.appendChild(element);
                } else {
                    dependencies.appendChild(element);
                    added.add(new Declared(element, name, dependency.origin()));
                }
            }
        }
        return added;
    }

    private static String key(Element dependency) {
        String classifier = Xml.textOf(dependency, "classifier");
        return Xml.textOf(dependency, "groupId") + ":" + Xml.textOf(dependency, "artifactId") + (classifier == null ? "" : ":" + classifier);
    }
}
