package io.openruntimes.build;

import static io.openruntimes.build.TestFunctions.INDEX;
import static io.openruntimes.build.TestFunctions.write;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Where a function folder keeps its entrypoint, its sources and its resources, one case a layout; and its links. */
class FunctionLayoutTest {

    @TempDir
    Path temp;

    @Test
    void aFlatFolderIsItsOwnSourceAndResourceRoot() {
        Path function = write(temp.resolve("flat"), "Index.java", INDEX);
        FunctionLayout layout = FunctionLayout.of(function);
        assertFalse(layout.maven());
        assertEquals(function, layout.sources());
        assertEquals(function, layout.resources());
        assertEquals(function.resolve("Index.java"), layout.entryFile("Index.java"));
    }

    @Test
    void mavensLayoutCompilesSrcMainJavaAndFindsTheEntrypointThere() {
        Path function = write(temp.resolve("maven"), "src/main/java/com/example/Index.java", "package com.example; " + INDEX);
        FunctionLayout layout = FunctionLayout.of(function);
        assertTrue(layout.maven());
        assertEquals(function.resolve("src/main/java"), layout.sources());
        assertEquals(function.resolve("src/main/resources"), layout.resources());
        for (String entrypoint : List.of("com/example/Index.java", "src/main/java/com/example/Index.java")) {
            assertEquals(function.resolve("src/main/java/com/example/Index.java"), layout.entryFile(entrypoint), entrypoint);
        }
    }

    @Test
    void mavensLayoutRefusesAnEntrypointOutsideSrcMainJava() {
        Path function = write(temp.resolve("stray"), "src/main/java/Other.java", "public class Other { }", "Index.java", INDEX);
        var failure = assertThrows(BuildFailure.class, () -> FunctionLayout.of(function).entryFile("Index.java"));
        assertTrue(failure.getMessage().contains("outside src/main/java"), failure.getMessage());
    }

    @Test
    void anEntrypointMustBeAJavaFileInsideTheFolder() {
        Path function = write(temp.resolve("entry"), "Index.java", INDEX, "index.js", "", "../Outside.java", INDEX);
        FunctionLayout layout = FunctionLayout.of(function);
        assertEquals("the entrypoint ../Outside.java is outside the code folder",
                assertThrows(BuildFailure.class, () -> layout.entryFile("../Outside.java")).getMessage());
        assertTrue(assertThrows(BuildFailure.class, () -> layout.entryFile("Main.java")).getMessage()
                .startsWith("entrypoint file not found: " + function.resolve("Main.java")));
        assertEquals("the entrypoint must be a .java file, got index.js",
                assertThrows(BuildFailure.class, () -> layout.entryFile("index.js")).getMessage());
    }

    @Test
    void theSourcesAreTheJavaFilesButTheFunctionsTestsAndBuildOutput() {
        Path function = write(temp.resolve("sources"), "Index.java", INDEX, "lib/Greeter.java", "package lib; class Greeter { }",
                "src/test/java/IndexTest.java", "class IndexTest { }", "target/generated/Old.java", "class Old { }", "notes.txt", "");
        assertEquals(List.of(function.resolve("Index.java"), function.resolve("lib/Greeter.java")), FunctionLayout.of(function).sourceFiles());
    }

    /** Issue 9 point 11. */
    @Test
    void aLinkOutOfTheFolderFailsTheBuildNamingItAndLinksInsideAreFine() throws IOException {
        Path folder = write(temp.resolve("links"), "Index.java", INDEX, "lib/Greeter.java", "package lib;\npublic class Greeter { }\n");
        Files.createSymbolicLink(folder.resolve("Alias.java"), Path.of("lib/Greeter.java"));
        Files.createSymbolicLink(folder.resolve("libs"), Path.of("lib"));
        FunctionLayout.of(folder).checkLinksStayInside();

        Files.createSymbolicLink(folder.resolve("lib/passwd.java"), Path.of("/etc/passwd"));
        var thrown = assertThrows(BuildFailure.class, () -> FunctionLayout.of(folder).checkLinksStayInside());
        assertEquals("the symbolic link lib/passwd.java points outside the code folder (to /etc/passwd): "
                + "copy what it points to into the folder instead", thrown.getMessage());

        Files.delete(folder.resolve("lib/passwd.java"));
        Files.writeString(temp.resolve("Outside.java"), "class Outside { }");
        Files.createSymbolicLink(folder.resolve("Outside.java"), Path.of("../Outside.java"));
        thrown = assertThrows(BuildFailure.class, () -> FunctionLayout.of(folder).checkLinksStayInside());
        assertTrue(thrown.getMessage().startsWith("the symbolic link Outside.java points outside"), thrown.getMessage());
    }
}
