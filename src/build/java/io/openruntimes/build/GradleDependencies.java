package io.openruntimes.build;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * The dependencies of a function's root {@code *.gradle} files, read without Gradle: the
 * top-level {@code dependencies { }} blocks, one declaration a line, in the common forms
 * ({@code implementation "g:a:v"}, {@code 'g:a:v:classifier'}, {@code api("g:a:v")}, the map
 * form {@code group: 'g', name: 'a', version: 'v'}, {@code platform("g:a:v")} for a BOM).
 * What it cannot read there fails the build with the file and line, rather than be dropped.
 * Everything outside those blocks (plugins, repositories, tasks) is not the build's business.
 */
final class GradleDependencies {

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
