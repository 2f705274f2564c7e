package io.openruntimes.build;

import static io.openruntimes.build.TestFunctions.RUNTIME;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** One real Maven run a case, on a function with a small dependency (Maven Central, or the local repository). */
class DependencyResolverTest {

    @TempDir
    Path temp;

    private final Maven maven = Maven.small(RUNTIME.resolve("mvnw"), Map.of());

    private DependencyResolver.Resolved resolve(String... namesAndContents) {
        Path folder = TestFunctions.write(temp.resolve("function"), namesAndContents);
        return DependencyResolver.resolve(maven, temp.resolve("work"), FunctionPom.read(folder), folder, "my-function");
    }

    @Test
    void gsonResolvesInTheDeclaredVersionWithItsOwnDependenciesAndProvidedStaysOutOfLib() throws IOException {
        DependencyResolver.Resolved resolved = resolve("deps.gradle", """
                dependencies {
                    implementation 'com.google.code.gson:gson:2.11.0'
                    compileOnly 'org.apache.commons:commons-lang3:3.17.0'
                }
                """);
        assertTrue(resolved.has("com.google.code.gson", "gson"));
        List<String> compiled = resolved.compileClassPath().stream().map(p -> p.getFileName().toString()).toList();
        assertTrue(compiled.containsAll(List.of("gson-2.11.0.jar", "commons-lang3-3.17.0.jar")), compiled.toString());

        Path lib = temp.resolve("out/lib");
        resolved.copyServedJars(lib);
        try (Stream<Path> jars = Files.list(lib)) {
            List<String> names = jars.map(p -> p.getFileName().toString()).sorted().toList();
            assertTrue(names.contains("gson-2.11.0.jar"), names.toString());
            assertFalse(names.contains("commons-lang3-3.17.0.jar"), "provided: the runtime's, not served " + names);
            // Gson 2.11.0's own compile dependency comes with it.
            assertTrue(names.stream().anyMatch(n -> n.startsWith("error_prone_annotations-")), names.toString());
        }
        assertTrue(Files.readString(temp.resolve("work/pom.xml")).contains("<version>2.11.0</version>"));
    }

    @Test
    void aDependencyThatDoesNotExistFailsNamingItAndTheFunctionsFiles() {
        var failure = assertThrows(BuildFailure.class, () -> resolve("pom.xml", """
                <project><dependencies><dependency><groupId>io.openruntimes.tests</groupId><artifactId>does-not-exist</artifactId>
                <version>0.0.1</version></dependency></dependencies></project>
                """));
        assertEquals("a dependency of the function (its pom.xml or *.gradle files in my-function) could not be resolved (coordinates above)",
                failure.getMessage());
        assertTrue(failure.details().contains("io.openruntimes.tests:does-not-exist"), failure.details());
        assertFalse(failure.details().contains("[Help"), failure.details());
    }

    @Test
    void aFunctionWithoutDependenciesRunsNoMaven() {
        Maven failing = new Maven(Path.of("/nonexistent/mvnw"), null);
        Path folder = TestFunctions.write(temp.resolve("plain"), "Index.java", TestFunctions.INDEX);
        assertEquals(List.of(), DependencyResolver.resolve(failing, temp.resolve("work"), null, folder, "plain").artifacts());
        assertFalse(Files.exists(temp.resolve("work/pom.xml")));
    }

    @Test
    void theListingIsReadWithScopesClassifiersAndModules() throws IOException {
        Path listing = temp.resolve("dependencies.txt");
        Files.writeString(listing, """

                The following files have been resolved:
                   com.google.code.gson:gson:jar:2.11.0:compile:/repo/gson-2.11.0.jar -- module com.google.gson
                   org.example:native:jar:linux-x86_64:1.0:runtime:/repo/native-1.0-linux-x86_64.jar
                   org.example:opt:jar:2:compile:/repo/opt-2.jar (optional)
                   org.example:bom:pom:1:provided:/repo/bom-1.pom
                   io.openruntimes:function-api:jar:1.0.0-SNAPSHOT:compile:/repo/function-api.jar
                """);
        List<DependencyResolver.Artifact> read = DependencyResolver.read(listing);
        assertEquals(new DependencyResolver.Artifact("com.google.code.gson", "gson", "2.11.0", null, "compile", Path.of("/repo/gson-2.11.0.jar")),
                read.get(0));
        assertEquals(new DependencyResolver.Artifact("org.example", "native", "1.0", "linux-x86_64", "runtime",
                Path.of("/repo/native-1.0-linux-x86_64.jar")), read.get(1));
        assertEquals(Path.of("/repo/opt-2.jar"), read.get(2).file());
        DependencyResolver.Resolved resolved = new DependencyResolver.Resolved(read);
        assertEquals(List.of(Path.of("/repo/gson-2.11.0.jar"), Path.of("/repo/opt-2.jar"), Path.of("/repo/function-api.jar")),
                resolved.compileClassPath());
        assertFalse(read.get(4).served(), "the function API is the runtime's");
        assertTrue(read.get(1).served());
    }
}
