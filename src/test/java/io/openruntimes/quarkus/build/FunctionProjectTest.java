package io.openruntimes.quarkus.build;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** FunctionProject's checks and what it writes, on function folders made here (no Maven runs). */
class FunctionProjectTest {

    static final Path RUNTIME = Path.of(System.getProperty("runtime.root", "")).toAbsolutePath();

    @TempDir
    Path scratch;

    private Path function(String... namesAndContents) throws IOException {
        Path folder = scratch.resolve("function");
        for (int i = 0; i < namesAndContents.length; i += 2) {
            Path file = folder.resolve(namesAndContents[i]);
            Files.createDirectories(file.getParent());
            Files.writeString(file, namesAndContents[i + 1]);
        }
        return folder;
    }

    private FunctionProject project(Path folder, String entrypoint) {
        return new FunctionProject(RUNTIME, folder, entrypoint, scratch.resolve("workspace"), Map.of());
    }

    private String generated(String file) throws IOException {
        return Files.readString(scratch.resolve("workspace/generated/META-INF").resolve(file));
    }

    private String workspacePom() throws IOException {
        return Files.readString(scratch.resolve("workspace/pom.xml"));
    }

    static final String MAIN = "public Response main(Request req, Response res) { return res.send(\"ok\"); }";

    /** Issue 9 point 10: the classic entry file, one case a row; an empty message means it builds. */
    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', quoteCharacter = '~', textBlock = """
            # Index.java                                                                      | the build fails with
            public class Index { public Response main(Request req, Response res) { return res; } } |
            public class Index { public static Response main(Request q, Response s) { return s; } } |
            public class Index { public io.openruntimes.quarkus.Response main(io.openruntimes.quarkus.Request q, io.openruntimes.quarkus.Response s) { return s; } } |
            public class Index extends Base { }                                               |
            public class Index { public Index() { } public Index(int x) { } public Response main(Request q, Response s) { return s; } } |
            public class Main { public Response main(Request q, Response s) { return s; } }   | Index.java must declare a public class Index (named after the file) with public Response main(Request req, Response res), but declares Main
            // nothing here                                                                   | but declares no class
            class Index { public Response main(Request q, Response s) { return s; } }         | Index.java: class Index is not public
            public interface Index { }                                                        | Index.java: Index is interface, not a class
            public record Index() { }                                                         | Index.java: Index is record, not a class
            public class Index { }                                                            | Index.java: class Index has no method main; the runtime calls public Response main(Request req, Response res)
            public class Index { Response main(Request q, Response s) { return s; } }         | has a non-public Response main(Request, Response)
            public class Index { public void main(Request q, Response s) { } }                | has public void main(Request, Response)
            public class Index { public Response main(Request q) { return null; } }           | has public Response main(Request)
            public class Index { public static void main(String[] args) { } }                 | has public void main(String[])
            public abstract class Index { public Response main(Request q, Response s) { return s; } } | class Index is abstract
            public class Index { public Index(int x) { } public Response main(Request q, Response s) { return s; } } | class Index has no no-argument constructor
            """)
    void theClassicEntryClassMustBeUsable(String source, String failure) throws IOException {
        Path folder = function("Index.java", "package com.example;\nimport io.openruntimes.quarkus.*;\n" + source + "\n");
        if (failure == null) {
            assertEquals("com.example.Index", project(folder, "Index.java").write());
        } else {
            var thrown = assertThrows(FunctionProject.BuildFailure.class, () -> project(folder, "Index.java").write());
            assertTrue(thrown.getMessage().contains(failure), thrown.getMessage());
        }
    }

    /** contract-v5 6.1: the v5 build does not check the entrypoint (the no-export fixture builds). */
    @Test
    void aV5EntryClassWithoutMainBuildsAndIsRegisteredWithTheV5Signature() throws IOException {
        Path folder = function("NoExport.java", "package io.openruntimes.java;\npublic class NoExport { }\n");
        assertEquals("io.openruntimes.java.NoExport", project(folder, "NoExport.java").v5(true).write());
        assertTrue(generated("native-image/io.openruntimes/function/reflect-config.json")
                .contains("\"parameterTypes\": [\"io.openruntimes.java.RuntimeContext\"]"));
    }

    /** Appwrite's templates: src/Main.java declaring io.openruntimes.java.src. */
    @Test
    void aV5EntryInASubFolderIsItsDeclaredPackagePlusTheFileName() throws IOException {
        Path folder = function("src/Main.java", """
                package io.openruntimes.java.src;
                import io.openruntimes.java.*;
                public class Main { public RuntimeOutput main(RuntimeContext context) throws Exception { return null; } }
                """);
        assertEquals("io.openruntimes.java.src.Main", project(folder, "src/Main.java").v5(true).write());
        assertTrue(generated("microprofile-config.properties").contains("openruntimes.function.entrypoint=src/Main.java"));
    }

    @Test
    void theClassicRegistrationNamesMainRequestResponse() throws IOException {
        Path folder = function("Index.java", "import io.openruntimes.quarkus.*;\npublic class Index { " + MAIN + " }\n");
        assertEquals("Index", project(folder, "Index.java").write());
        assertTrue(generated("native-image/io.openruntimes/function/reflect-config.json")
                .contains("[\"io.openruntimes.quarkus.Request\", \"io.openruntimes.quarkus.Response\"]"));
    }

    /** contract-v5 section 8 #11: a user file never replaces a runtime class, one case a row. */
    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', quoteCharacter = '~', textBlock = """
            # file                        | its package                       | the build fails naming
            Request.java                  | io.openruntimes.quarkus           | Request.java declares package io.openruntimes.quarkus, the runtime's own
            lib/Invoker.java              | io.openruntimes.quarkus.engine    | lib/Invoker.java declares package io.openruntimes.quarkus.engine, the runtime's own
            RuntimeContext.java           | io.openruntimes.java              | RuntimeContext.java declares io.openruntimes.java.RuntimeContext, a class of the runtime's API
            RuntimeRequest.java           | io.openruntimes.java              | io.openruntimes.java.RuntimeRequest
            RuntimeResponse.java          | io.openruntimes.java              | io.openruntimes.java.RuntimeResponse
            RuntimeOutput.java            | io.openruntimes.java              | io.openruntimes.java.RuntimeOutput
            RuntimeLogger.java            | io.openruntimes.java              | io.openruntimes.java.RuntimeLogger
            Helper.java                   | io.openruntimes.java              |
            RuntimeContext.java           | io.openruntimes.java.src          |
            Helper.java                   | io.openruntimes.quarkusish        |
            """)
    void aFileThatWouldReplaceARuntimeClassFailsTheBuild(String file, String pkg, String failure) throws IOException {
        String name = Path.of(file).getFileName().toString().replace(".java", "");
        Path folder = function("Main.java", "package io.openruntimes.java;\npublic class Main { " + MAIN + " }\n",
                file, "package " + pkg + ";\npublic class " + name + " { }\n");
        for (boolean v5 : new boolean[] {true, false}) {
            if (failure == null) {
                project(folder, "Main.java").v5(v5).write();
            } else {
                var thrown = assertThrows(FunctionProject.BuildFailure.class, () -> project(folder, "Main.java").v5(v5).write());
                assertTrue(thrown.getMessage().contains(failure), thrown.getMessage());
            }
        }
    }

    /** Issue 9 point 8: every package the function declares is out of CDI (".*" alone: the default package). */
    @Test
    void theFunctionsPackagesAreExcludedFromCdi() throws IOException {
        Path folder = function("Index.java", "import io.openruntimes.quarkus.*;\npublic class Index { " + MAIN + " }\n",
                "lib/Greeter.java", "package lib;\npublic class Greeter { }\n",
                "lib/deep/Hook.java", "package lib.deep;\nclass Hook { }\n");
        project(folder, "Index.java").write();
        assertTrue(generated("microprofile-config.properties").contains("quarkus.arc.exclude-types=.*,lib.*,lib.deep.*\n"),
                generated("microprofile-config.properties"));
    }

    /** Issue 9 point 8: what Quarkus acts on past CDI fails the build, one annotation a row. */
    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', quoteCharacter = '~', textBlock = """
            # lib/Hooks.java's member                                                         | the build fails with
            @org.jboss.resteasy.reactive.server.ServerRequestFilter(preMatching = true) public void f() { } | lib/Hooks.java:4: @ServerRequestFilter is for the runtime's own classes
            @ServerResponseFilter public void f() { }                                         | lib/Hooks.java:4: @ServerResponseFilter
            @ServerExceptionMapper public Object m(RuntimeException e) { return null; }       | lib/Hooks.java:4: @ServerExceptionMapper
            @jakarta.enterprise.event.Observes public void quiet() { }                         |
            """)
    void frameworkHooksInTheFunctionFailTheBuild(String member, String failure) throws IOException {
        Path folder = function("Index.java", "import io.openruntimes.quarkus.*;\npublic class Index { " + MAIN + " }\n",
                "lib/Hooks.java", "package lib;\nimport org.jboss.resteasy.reactive.server.*;\npublic class Hooks {\n    " + member + "\n}\n");
        if (failure == null) {
            project(folder, "Index.java").write();
        } else {
            var thrown = assertThrows(FunctionProject.BuildFailure.class, () -> project(folder, "Index.java").write());
            assertTrue(thrown.getMessage().contains(failure), thrown.getMessage());
        }
    }

    @Test
    void aReplacementQuarkusMainFailsTheBuild() throws IOException {
        Path folder = function("Index.java", "import io.openruntimes.quarkus.*;\n@io.quarkus.runtime.annotations.QuarkusMain\n"
                + "public class Index { " + MAIN + " }\n");
        var thrown = assertThrows(FunctionProject.BuildFailure.class, () -> project(folder, "Index.java").write());
        assertTrue(thrown.getMessage().startsWith("Index.java:2: @QuarkusMain is for the runtime's own classes"), thrown.getMessage());
    }

    /** Issue 9 point 11. */
    @Test
    void aLinkOutOfTheFolderFailsTheBuildNamingItAndLinksInsideAreFine() throws IOException {
        Path folder = function("Index.java", "import io.openruntimes.quarkus.*;\npublic class Index { " + MAIN + " }\n",
                "lib/Greeter.java", "package lib;\npublic class Greeter { }\n");
        Files.createSymbolicLink(folder.resolve("Alias.java"), Path.of("lib/Greeter.java"));
        Files.createSymbolicLink(folder.resolve("libs"), Path.of("lib"));
        project(folder, "Index.java").write();

        Files.createSymbolicLink(folder.resolve("lib/passwd.java"), Path.of("/etc/passwd"));
        var thrown = assertThrows(FunctionProject.BuildFailure.class, () -> project(folder, "Index.java").write());
        assertEquals("the symbolic link lib/passwd.java points outside the code folder (to /etc/passwd): "
                + "copy what it points to into the folder instead", thrown.getMessage());

        Files.delete(folder.resolve("lib/passwd.java"));
        Files.writeString(scratch.resolve("Outside.java"), "class Outside { }");
        Files.createSymbolicLink(folder.resolve("Outside.java"), Path.of("../Outside.java"));
        thrown = assertThrows(FunctionProject.BuildFailure.class, () -> project(folder, "Index.java").write());
        assertTrue(thrown.getMessage().startsWith("the symbolic link Outside.java points outside"), thrown.getMessage());
    }

    /** Issue 8: root *.gradle files and pom.xml together; the pom wins a clash, test scope stays out. */
    @Test
    void gradleAndPomDependenciesAreUnitedAndThePomWins() throws IOException {
        Path folder = function("Index.java", "import io.openruntimes.quarkus.*;\npublic class Index { " + MAIN + " }\n",
                "dependencies.gradle", """
                        dependencies {
                            implementation "com.google.code.gson:gson:2.9.0"
                            compileOnly 'org.projectlombok:lombok:1.18.30'
                            runtimeOnly group: 'org.postgresql', name: 'postgresql', version: '42.7.3'
                            testImplementation "org.junit.jupiter:junit-jupiter:5.10.0"
                            implementation "org.apache.commons:commons-lang3:3.0"
                        }
                        """,
                "nested/ignored.gradle", "dependencies { implementation 'x:nested:1' }",
                "pom.xml", """
                        <project><dependencies>
                          <dependency><groupId>org.apache.commons</groupId><artifactId>commons-lang3</artifactId><version>3.14.0</version></dependency>
                        </dependencies></project>
                        """);
        project(folder, "Index.java").write();
        String pom = workspacePom().replaceAll("\\s+", "");
        assertTrue(pom.contains("<dependency><groupId>com.google.code.gson</groupId><artifactId>gson</artifactId><version>2.9.0</version></dependency>"), pom);
        assertTrue(pom.contains("<artifactId>lombok</artifactId><version>1.18.30</version><scope>provided</scope>"), pom);
        assertTrue(pom.contains("<artifactId>postgresql</artifactId><version>42.7.3</version><scope>runtime</scope>"), pom);
        assertTrue(pom.contains("<version>3.14.0</version>"), pom);
        assertFalse(pom.contains("<version>3.0</version>"), pom);
        assertFalse(pom.contains("junit-jupiter</artifactId><version>5.10.0"), pom);
        assertFalse(pom.contains("nested"), pom);
    }

    /** Issue 9 point 12: what the pom holds but the build does not honour is named; versionless deps say their BOM. */
    @Test
    void unhonouredPomPartsAndVersionlessDependenciesAreNamedInWarnings() throws IOException {
        Path folder = function("Index.java", "import io.openruntimes.quarkus.*;\npublic class Index { " + MAIN + " }\n",
                "pom.xml", """
                        <project>
                          <modelVersion>4.0.0</modelVersion><groupId>g</groupId><artifactId>a</artifactId><version>1</version>
                          <parent><groupId>p</groupId><artifactId>p</artifactId><version>1</version></parent>
                          <dependencyManagement/><build/><profiles/><modules/>
                          <dependencies>
                            <dependency><groupId>com.google.code.gson</groupId><artifactId>gson</artifactId></dependency>
                            <dependency><groupId>org.example</groupId><artifactId>unmanaged</artifactId></dependency>
                          </dependencies>
                        </project>
                        """);
        FunctionProject project = project(folder, "Index.java");
        project.write();
        assertTrue(project.warnings().contains("the function's pom.xml has <parent>, <dependencyManagement>, <build>, <profiles>, <modules>, "
                + "which the build does not honour: only its <properties>, <repositories> and <dependencies> are used "
                + "(the runtime's own build and BOM apply)"), project.warnings().toString());
        String quarkusBom = FunctionProject.managedVersion("io.quarkus", "quarkus-bom", System.getProperty("quarkus.platform.version", "3.33.2"),
                "com.google.code.gson:gson");
        assertTrue(project.warnings().contains("the function's dependency com.google.code.gson:gson has no version: it gets "
                + quarkusBom + " from the BOM io.quarkus:quarkus-bom:3.33.2"), project.warnings().toString());
        assertTrue(project.warnings().contains("the function's dependency org.example:unmanaged has no version: "
                + "it takes its version from one of the BOMs io.quarkus:quarkus-bom if one manages it"), project.warnings().toString());
    }
}
