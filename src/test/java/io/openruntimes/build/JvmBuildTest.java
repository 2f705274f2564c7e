package io.openruntimes.build;

import static io.openruntimes.build.TestFunctions.RUNTIME;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The {@code jvm} build end to end, as the scripts run it: the builder in a JVM of its own with a
 * small heap, on functions without dependencies, with a "Maven" that only records that it ran.
 */
class JvmBuildTest {

    @TempDir
    Path temp;
    Path maven;

    /** What the builder's process did. */
    record Run(int exit, String stdout, String stderr) {
    }

    @BeforeEach
    void aMavenThatMustNotRun() throws IOException {
        maven = temp.resolve("mvnw");
        Files.writeString(maven, "#!/bin/sh\ntouch \"$(dirname \"$0\")/maven-ran\"\necho 'Maven must not run' >&2\nexit 1\n");
        Files.setPosixFilePermissions(maven, PosixFilePermissions.fromString("rwxr-xr-x"));
    }

    private Run build(Path code, String entrypoint, String protocol) throws Exception {
        Path builder = builderClasses();
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx128m", "-XX:+UseSerialGC", "-cp", builder.toString(), FunctionBuilder.class.getName(), "jvm",
                "--code", code.toString(), "--shown-as", "/home/ada/function", "--entrypoint", entrypoint, "--protocol", protocol,
                "--api", TestFunctions.apiJar().toString(), "--gson", TestFunctions.gsonJar().toString(),
                "--maven", maven.toString(), "--work", temp.resolve("work").toString(), "--out", temp.resolve("out").toString()));
        ProcessBuilder process = new ProcessBuilder(command).redirectOutput(temp.resolve("stdout").toFile())
                .redirectError(temp.resolve("stderr").toFile());
        process.environment().remove("MAVEN_OPTS");
        Process started = process.start();
        assertTrue(started.waitFor(2, TimeUnit.MINUTES), "the builder did not end");
        return new Run(started.exitValue(), Files.readString(temp.resolve("stdout")), Files.readString(temp.resolve("stderr")));
    }

    private List<String> files(String folder) throws IOException {
        Path root = temp.resolve("out").resolve(folder);
        if (!Files.isDirectory(root)) {
            return List.of();
        }
        try (Stream<Path> walk = Files.walk(root)) {
            return walk.filter(Files::isRegularFile).map(f -> root.relativize(f).toString()).sorted().toList();
        }
    }

    @Test
    void helloBuildsWithoutMavenIntoAFunctionFolder() throws Exception {
        Run run = build(RUNTIME.resolve("src/test/functions/hello"), "Index.java", "classic");
        assertEquals(0, run.exit(), run.stderr());
        assertEquals("com.example.Index\n", run.stdout());
        assertFalse(Files.exists(temp.resolve("maven-ran")), "Maven ran for a function without dependencies");
        assertFalse(Files.exists(temp.resolve("work/pom.xml")));
        Properties descriptor = FunctionDescriptor.read(temp.resolve("out"));
        assertEquals("com.example.Index", descriptor.getProperty("class"));
        assertEquals("Index.java", descriptor.getProperty("entrypoint"));
        assertEquals("classic", descriptor.getProperty("protocol"));
        assertEquals(FunctionDescriptor.apiVersion(TestFunctions.apiJar()), descriptor.getProperty("api-version"));
        assertTrue(files("classes").contains("com/example/Index.class"), files("classes").toString());
        assertEquals(List.of(), files("lib"));
    }

    @Test
    void onlyTheFunctionAndItsResourcesAreInTheFolder() throws Exception {
        Run run = build(RUNTIME.resolve("src/test/functions/resources-and-tests"), "Index.java", "classic");
        assertEquals(0, run.exit(), run.stderr());
        assertFalse(Files.exists(temp.resolve("maven-ran")), "a test-scope dependency alone needs no Maven");
        assertEquals(List.of("Index.class", "data/config.json", "template.txt"), files("classes"));
    }

    @Test
    void aV5FunctionUsesTheRuntimesGsonWithoutDeclaringIt() throws Exception {
        Path code = TestFunctions.write(temp.resolve("v5"), "src/Main.java", """
                package io.openruntimes.java.src;

                import com.google.gson.JsonObject;
                import io.openruntimes.java.*;

                public class Main {
                    public RuntimeOutput main(RuntimeContext context) throws Exception {
                        JsonObject body = new JsonObject();
                        body.addProperty("ok", true);
                        return context.getRes().text(body.toString());
                    }
                }
                """);
        Run run = build(code, "src/Main.java", "v5");
        assertEquals(0, run.exit(), run.stderr());
        assertEquals("io.openruntimes.java.src.Main\n", run.stdout());
        assertEquals("v5", FunctionDescriptor.read(temp.resolve("out")).getProperty("protocol"));
        assertEquals(List.of(), files("lib"), "the runtime's Gson is not the function's to carry");
    }

    /** The real Maven, once: the declared versions (no runtime BOM), the builder still within its small heap. */
    @Test
    void aFunctionWithDependenciesGetsThemInTheVersionsItDeclares() throws Exception {
        maven = RUNTIME.resolve("mvnw");
        Path code = TestFunctions.write(temp.resolve("deps"), "Index.java", """
                import com.google.gson.Gson;
                import io.openruntimes.quarkus.Request;
                import io.openruntimes.quarkus.Response;
                import java.util.Map;
                import org.apache.commons.lang3.StringUtils;

                public class Index {
                    public Response main(Request req, Response res) {
                        return res.send(new Gson().toJson(Map.of("reversed", StringUtils.reverse("hello"))));
                    }
                }
                """, "pom.xml", """
                <project>
                  <dependencies>
                    <dependency><groupId>com.google.code.gson</groupId><artifactId>gson</artifactId><version>2.11.0</version></dependency>
                    <dependency><groupId>org.junit.jupiter</groupId><artifactId>junit-jupiter</artifactId><version>5.14.4</version><scope>test</scope></dependency>
                  </dependencies>
                </project>
                """, "deps.gradle", "dependencies {\n    implementation 'org.apache.commons:commons-lang3:3.17.0'\n}\n");
        Run run = build(code, "Index.java", "classic");
        assertEquals(0, run.exit(), run.stderr());
        assertEquals("Index\n", run.stdout());
        List<String> lib = files("lib");
        assertTrue(lib.containsAll(List.of("gson-2.11.0.jar", "commons-lang3-3.17.0.jar")), lib.toString());
        assertTrue(lib.stream().noneMatch(jar -> jar.startsWith("junit")), lib.toString());
        assertEquals(List.of("Index.class"), files("classes"));
    }

    @Test
    void aCompileErrorNamesTheUsersFileAndLineAndFails() throws Exception {
        Path code = TestFunctions.write(temp.resolve("broken"), "Index.java",
                "import io.openruntimes.quarkus.*;\npublic class Index {\n    public Response main(Request req, Response res) {\n        return res.send(42);\n    }\n}\n");
        Run run = build(code, "Index.java", "classic");
        assertEquals(1, run.exit(), run.stderr());
        assertEquals("", run.stdout());
        assertTrue(run.stderr().startsWith("/home/ada/function/Index.java:4: error: "), run.stderr());
        assertTrue(run.stderr().endsWith("1 error\nbuild.sh: the function does not compile (errors above, with file and line)\n"), run.stderr());
        assertFalse(Files.exists(temp.resolve("out/function.properties")), "no descriptor for a failed build");
    }

    @Test
    void aCheckFailsBeforeAnythingIsCompiled() throws Exception {
        Path code = TestFunctions.write(temp.resolve("misnamed"), "Index.java", "public class Greeter { }\n");
        Run run = build(code, "Index.java", "classic");
        assertEquals(1, run.exit(), run.stderr());
        assertTrue(run.stderr().startsWith("build.sh: Index.java must declare a public class Index (named after the file)"), run.stderr());

        run = build(code, "Main.java", "classic");
        assertEquals("build.sh: entrypoint file not found: /home/ada/function/Main.java (INTERNAL_RUNTIME_ENTRYPOINT=Main.java,"
                + " relative to the code folder)\n", run.stderr());
    }

    /** Where this test run's builder classes are (the builder is a test source root of the runtime's pom). */
    static Path builderClasses() throws URISyntaxException {
        return Path.of(FunctionBuilder.class.getProtectionDomain().getCodeSource().getLocation().toURI());
    }
}
