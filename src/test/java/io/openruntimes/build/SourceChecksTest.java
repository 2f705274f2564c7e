package io.openruntimes.build;

import static io.openruntimes.build.TestFunctions.MAIN;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The checks both builds make on a function's sources before compiling (CheckedFunction, SourceChecks), one case a row. */
class SourceChecksTest {

    @TempDir
    Path scratch;

    private Path function(String... namesAndContents) {
        return TestFunctions.write(scratch.resolve("function"), namesAndContents);
    }

    private static String check(Path folder, String entrypoint, boolean v5) {
        return CheckedFunction.check(folder, entrypoint, v5).className();
    }

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
    void theClassicEntryClassMustBeUsable(String source, String failure) {
        Path folder = function("Index.java", "package com.example;\nimport io.openruntimes.quarkus.*;\n" + source + "\n");
        if (failure == null) {
            assertEquals("com.example.Index", check(folder, "Index.java", false));
        } else {
            var thrown = assertThrows(BuildFailure.class, () -> check(folder, "Index.java", false));
            assertTrue(thrown.getMessage().contains(failure), thrown.getMessage());
        }
    }

    /** contract-v5 6.1: the v5 build does not check the entrypoint (the no-export fixture builds). */
    @Test
    void aV5EntryClassWithoutMainBuilds() {
        Path folder = function("NoExport.java", "package io.openruntimes.java;\npublic class NoExport { }\n");
        assertEquals("io.openruntimes.java.NoExport", check(folder, "NoExport.java", true));
    }

    /** Appwrite's templates: src/Main.java declaring io.openruntimes.java.src. */
    @Test
    void aV5EntryInASubFolderIsItsDeclaredPackagePlusTheFileName() {
        Path folder = function("src/Main.java", """
                package io.openruntimes.java.src;
                import io.openruntimes.java.*;
                public class Main { public RuntimeOutput main(RuntimeContext context) throws Exception { return null; } }
                """);
        assertEquals("io.openruntimes.java.src.Main", check(folder, "src/Main.java", true));
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
    void aFileThatWouldReplaceARuntimeClassFailsTheBuild(String file, String pkg, String failure) {
        String name = Path.of(file).getFileName().toString().replace(".java", "");
        Path folder = function("Main.java", "package io.openruntimes.java;\nimport io.openruntimes.quarkus.*;\npublic class Main { " + MAIN + " }\n",
                file, "package " + pkg + ";\npublic class " + name + " { }\n");
        for (boolean v5 : new boolean[] {true, false}) {
            if (failure == null) {
                check(folder, "Main.java", v5);
            } else {
                var thrown = assertThrows(BuildFailure.class, () -> check(folder, "Main.java", v5));
                assertTrue(thrown.getMessage().contains(failure), thrown.getMessage());
            }
        }
    }

    /** Issue 9 point 8: every package the function declares is out of CDI (".*" alone: the default package). */
    @Test
    void theFunctionsPackagesAreNamedForCdisExclusion() {
        Path folder = function("Index.java", "import io.openruntimes.quarkus.*;\npublic class Index { " + MAIN + " }\n",
                "lib/Greeter.java", "package lib;\npublic class Greeter { }\n",
                "lib/deep/Hook.java", "package lib.deep;\nclass Hook { }\n");
        assertEquals(Set.of(".*", "lib.*", "lib.deep.*"), CheckedFunction.check(folder, "Index.java", false).sources().excludedFromCdi());
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
    void frameworkHooksInTheFunctionFailTheBuild(String member, String failure) {
        Path folder = function("Index.java", "import io.openruntimes.quarkus.*;\npublic class Index { " + MAIN + " }\n",
                "lib/Hooks.java", "package lib;\nimport org.jboss.resteasy.reactive.server.*;\npublic class Hooks {\n    " + member + "\n}\n");
        if (failure == null) {
            check(folder, "Index.java", false);
        } else {
            var thrown = assertThrows(BuildFailure.class, () -> check(folder, "Index.java", false));
            assertTrue(thrown.getMessage().contains(failure), thrown.getMessage());
        }
    }

    @Test
    void aReplacementQuarkusMainFailsTheBuild() {
        Path folder = function("Index.java", "import io.openruntimes.quarkus.*;\n@io.quarkus.runtime.annotations.QuarkusMain\n"
                + "public class Index { " + MAIN + " }\n");
        var thrown = assertThrows(BuildFailure.class, () -> check(folder, "Index.java", false));
        assertTrue(thrown.getMessage().startsWith("Index.java:2: @QuarkusMain is for the runtime's own classes"), thrown.getMessage());
    }

    @Test
    void theFunctionsTestsAndBuildOutputAreNeitherCheckedNorCompiled() {
        Path folder = function("Index.java", "import io.openruntimes.quarkus.*;\npublic class Index { " + MAIN + " }\n",
                "src/test/java/io/openruntimes/quarkus/Fake.java", "package io.openruntimes.quarkus; class Fake { }",
                "target/io/openruntimes/quarkus/Old.java", "package io.openruntimes.quarkus; class Old { }");
        assertEquals("Index", check(folder, "Index.java", false));
    }
}
