package io.openruntimes.build;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.w3c.dom.Document;
import org.w3c.dom.Element;

/**
 * A function's own {@code pom.xml}, read for what a build takes from it: its properties, its
 * repositories, its dependencies (without test ones and the function API, which the runtime
 * serves), its dependency management (the JVM build's only), and the Java release it asks for.
 * Everything else in it is named in a warning rather than silently ignored.
 */
final class FunctionPom {

    static final String FILE = "pom.xml";
    /** The function API artifact (src/api/pom.xml): a function's pom may declare it for its IDE and tests. */
    static final String API_GROUP = "io.openruntimes";
    static final String API_ARTIFACT = "function-api";
    /** Descriptive sections: nothing to honour, nothing to warn about. */
    static final Set<String> DESCRIPTIVE = Set.of("modelVersion", "groupId", "artifactId", "version", "packaging", "name",
            "description", "url", "inceptionYear", "organization", "licenses", "developers", "contributors", "scm",
            "issueManagement", "ciManagement", "mailingLists", "prerequisites");

    private final Element project;

    private FunctionPom(Document document) {
        this.project = document.getDocumentElement();
    }

    /** The folder's pom.xml, or null when it has none. */
    static FunctionPom read(Path folder) {
        Path file = folder.resolve(FILE);
        return Files.isRegularFile(file) ? new FunctionPom(Xml.read(file, "the function's pom.xml")) : null;
    }

    /** Its {@code <properties>}, in their order, as written (Maven interpolates them). */
    Map<String, String> properties() {
        Map<String, String> properties = new LinkedHashMap<>();
        propertyElements().forEach(p -> properties.put(p.getTagName(), p.getTextContent().trim()));
        return properties;
    }

    List<Element> propertyElements() {
        return Xml.children(Xml.first(project, "properties"));
    }

    Element repositories() {
        return Xml.first(project, "repositories");
    }

    Element dependencyManagement() {
        return Xml.first(project, "dependencyManagement");
    }

    /** Its dependencies that belong in the served function (see {@link #served}). */
    List<Element> dependencies() {
        return Xml.children(Xml.first(project, "dependencies")).stream().filter(FunctionPom::served).toList();
    }

    /**
     * Not its test dependencies (JUnit and the like, for the function's own {@code mvn test}), and
     * not the function API artifact, whose classes the runtime itself holds.
     */
    static boolean served(Element dependency) {
        boolean api = API_GROUP.equals(Xml.textOf(dependency, "groupId")) && API_ARTIFACT.equals(Xml.textOf(dependency, "artifactId"));
        return !api && !"test".equals(Xml.textOf(dependency, "scope"));
    }

    /** Its {@code maven.compiler.release}, its properties interpolated, or null when it sets none. */
    String release() {
        Map<String, String> properties = properties();
        String release = properties.get("maven.compiler.release");
        return release == null ? null : interpolate(release, properties);
    }

    /**
     * The warning naming the sections the build does not honour ({@code honoured} and descriptive
     * ones aside), or null when there are none.
     */
    String ignoredPartsWarning(List<String> honoured, String consequence) {
        List<String> ignored = Xml.children(project).stream().map(Element::getTagName)
                .filter(tag -> !honoured.contains(tag) && !DESCRIPTIVE.contains(tag))
                .map(tag -> "<" + tag + ">").distinct().toList();
        if (ignored.isEmpty()) {
            return null;
        }
        List<String> named = honoured.stream().map(tag -> "<" + tag + ">").toList();
        String only = named.size() == 1 ? named.get(0)
                : String.join(", ", named.subList(0, named.size() - 1)) + " and " + named.get(named.size() - 1);
        return "the function's pom.xml has " + String.join(", ", ignored) + ", which the build does not honour: "
                + "only its " + only + " are used" + consequence;
    }

    /** {@code ${name}} replaced by the property's value, where {@code properties} has one. */
    static String interpolate(String value, Map<String, String> properties) {
        Matcher m = Pattern.compile("\\$\\{([^}]+)}").matcher(value);
        StringBuilder out = new StringBuilder();
        while (m.find()) {
            // As Maven: the pom's properties, then Java's (the scaffold's ${java.specification.version}).
            m.appendReplacement(out, Matcher.quoteReplacement(properties.getOrDefault(m.group(1), System.getProperty(m.group(1), m.group()))));
        }
        return m.appendTail(out).toString();
    }
}
