package io.openruntimes.build;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * The function's own files (a template, a JSON file) that go beside its classes, for
 * {@code getResourceAsStream}: everything in the layout's resource folder but what only builds the
 * function. The same exclusions as the runtime's pom applies to a native build, relative to the
 * resource folder: {@code **}{@code /*.java}, {@code pom.xml}, Gradle's files, {@code mvnw*},
 * {@code code.tar.gz}, {@code src/test/**}, {@code target/**}, {@code META-INF/resources/**} (in
 * a native build Quarkus would serve those files itself, ahead of the classic challenge); dot files
 * and folders at any depth (Maven's own default excludes drop .git, .svn, .gitignore... wherever
 * they are).
 */
final class FunctionResources {

    private static final Pattern EXCLUDED = Pattern.compile(String.join("|",
            ".*\\.java", "pom\\.xml", "[^/]*\\.gradle", "[^/]*\\.gradle\\.kts", "gradle\\.properties", "gradle/.*",
            "gradlew[^/]*", "mvnw[^/]*", "code\\.tar\\.gz", "src/test/.*", "target/.*", "META-INF/resources/.*",
            "(.*/)?\\.[^/]*(/.*)?"));

    private FunctionResources() {
    }

    /** Whether a file, by its path relative to the resource folder ({@code /} between names), is served. */
    static boolean served(String relative) {
        return !EXCLUDED.matcher(relative).matches();
    }

    /** The served files, by their path relative to the resource folder (none when the folder is absent). */
    static Map<String, Path> of(FunctionLayout layout) {
        Map<String, Path> files = new TreeMap<>();
        Path folder = layout.resources();
        if (!Files.isDirectory(folder)) {
            return files;
        }
        try (Stream<Path> walk = Files.walk(folder)) {
            walk.filter(Files::isRegularFile).forEach(file -> {
                String relative = folder.relativize(file).toString().replace('\\', '/');
                if (served(relative)) {
                    files.put(relative, file);
                }
            });
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return files;
    }

    /** Copies the served files into {@code classes}, keeping their relative paths (a link's target's content). */
    static void copy(FunctionLayout layout, Path classes) {
        try {
            for (Map.Entry<String, Path> file : of(layout).entrySet()) {
                Path to = classes.resolve(file.getKey());
                Files.createDirectories(to.getParent());
                Files.copy(file.getValue(), to, StandardCopyOption.REPLACE_EXISTING);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
