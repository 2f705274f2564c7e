package io.openruntimes.quarkus.build;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.openruntimes.quarkus.scripts.Scripts;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The project FunctionProject writes for a function folder: where it finds the entrypoint, the
 * sources and the resources (one case a layout), and what of the function's pom.xml and of the
 * runtime's own pom the served build keeps.
 */
class FunctionLayoutTest {

    /** The least entry class the build accepts. */
    private static final String INDEX = "public class Index { public io.openruntimes.quarkus.Response main("
            + "io.openruntimes.quarkus.Request req, io.openruntimes.quarkus.Response res) { return res; } }";

    @TempDir
    Path temp;

    @Test
    void aFlatFolderIsItsOwnSourceAndResourceRoot() throws IOException {
        Path function = file("flat/Index.java", INDEX);

        String pom = write(function, "Index.java", false);

        assertEquals(function.toString(), property(pom, "function.dir"));
        assertEquals(function.toString(), property(pom, "function.resources"));
    }

    @Test
    void mavensLayoutCompilesSrcMainJavaAndFindsTheEntrypointThere() throws IOException {
        Path function = file("maven/src/main/java/com/example/Index.java", "package com.example; " + INDEX);

        for (String entrypoint : new String[] {"com/example/Index.java", "src/main/java/com/example/Index.java"}) {
            FunctionProject project = project(function, entrypoint, false);
            assertEquals("com.example.Index", project.write(), entrypoint);
            String pom = Files.readString(temp.resolve("workspace/pom.xml"));
            assertEquals(function.resolve("src/main/java").toString(), property(pom, "function.dir"));
            assertEquals(function.resolve("src/main/resources").toString(), property(pom, "function.resources"));
        }
    }

    @Test
    void mavensLayoutRefusesAnEntrypointOutsideSrcMainJava() throws IOException {
        Path function = file("stray/src/main/java/Other.java", "public class Other { }");
        file("stray/Index.java", INDEX);

        var failure = assertThrows(FunctionProject.BuildFailure.class, () -> project(function, "Index.java", false).write());
        assertTrue(failure.getMessage().contains("outside src/main/java"), failure.getMessage());
    }

    @Test
    void theFunctionsTestDependenciesAndTheApiStayOutOfTheServedBuild() throws IOException {
        Path function = file("deps/Index.java", INDEX);
        file("deps/pom.xml", """
                <project>
                  <dependencies>
                    <dependency><groupId>io.openruntimes</groupId><artifactId>function-api</artifactId><version>1</version><scope>provided</scope></dependency>
                    <dependency><groupId>org.junit.jupiter</groupId><artifactId>junit-jupiter</artifactId><version>5.14.4</version><scope>test</scope></dependency>
                    <dependency><groupId>org.example</groupId><artifactId>kept</artifactId><version>2</version></dependency>
                  </dependencies>
                </project>
                """);

        String pom = write(function, "Index.java", false);

        assertTrue(pom.contains("<artifactId>kept</artifactId>"), pom);
        assertFalse(pom.contains("function-api"), pom);
        assertFalse(pom.contains("junit-jupiter"), pom);
    }

    @Test
    void theRuntimesOwnTestsAndDevProfileAreLeftOut() throws IOException {
        Path function = file("plain/Index.java", INDEX);

        for (boolean dev : new boolean[] {false, true}) {
            String pom = write(function, "Index.java", dev);
            assertEquals(temp.resolve("workspace/no-tests").toString(), element(pom, "testSourceDirectory"), "dev " + dev);
            assertFalse(pom.contains("<testResources>"), pom);
            assertFalse(pom.contains("test-functions"), pom);
            assertFalse(pom.contains("generate-code-tests"), pom);
            assertFalse(pom.contains("<profiles>"), pom);
        }
    }

    @Test
    void theJavaLevelIsTheBuildingJdksUnlessThePomSetsOne() throws IOException {
        Path function = file("level/Index.java", INDEX);
        assertEquals(Integer.toString(Runtime.version().feature()), property(write(function, "Index.java", false), "maven.compiler.release"));

        file("level/pom.xml", "<project><properties><maven.compiler.release>21</maven.compiler.release></properties></project>");
        String pom = write(function, "Index.java", false);
        Matcher releases = Pattern.compile("<maven.compiler.release>([^<]*)<").matcher(pom);
        while (releases.find()) {
            assertEquals("21", releases.group(1), pom);
        }
    }

    private Path file(String relative, String content) throws IOException {
        Path file = temp.resolve(relative);
        Files.createDirectories(file.getParent());
        Files.writeString(file, content);
        return temp.resolve(relative.substring(0, relative.indexOf('/')));
    }

    private FunctionProject project(Path function, String entrypoint, boolean dev) {
        FunctionProject project = new FunctionProject(Scripts.RUNTIME, function, entrypoint, temp.resolve("workspace"), Map.of());
        project.devMode(dev);
        return project;
    }

    private String write(Path function, String entrypoint, boolean dev) throws IOException {
        project(function, entrypoint, dev).write();
        return Files.readString(temp.resolve("workspace/pom.xml"));
    }

    private static String property(String pom, String name) {
        return element(pom, name);
    }

    private static String element(String pom, String name) {
        Matcher m = Pattern.compile("<" + Pattern.quote(name) + ">([^<]*)</").matcher(pom);
        assertTrue(m.find(), name + " in " + pom);
        return m.group(1).trim();
    }
}
