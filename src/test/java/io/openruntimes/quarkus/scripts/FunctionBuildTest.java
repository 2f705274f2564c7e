package io.openruntimes.quarkus.scripts;

import static org.hamcrest.Matchers.allOf;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * What build.sh takes from a function folder and what it refuses (issue 8's dependencies,
 * issue 9's build points and the function's reach into the runtime), through the real build.sh
 * and start.sh. The builder's tests (io.openruntimes.build) hold the row-by-row cases.
 */
class FunctionBuildTest {

    static final Path FUNCTIONS = Scripts.FUNCTIONS;

    @TempDir
    static Path scratch;

    @Test
    void dependenciesComeFromDependenciesGradleAndPomXmlTogether() {
        Path folder = scratch.resolve("gradle");
        Scripts.Build build = Scripts.build(FUNCTIONS.resolve("gradle"), "Index.java", folder);
        assertEquals(0, build.exitCode(), build.output());
        // The pom's parts the build does not honour.
        assertTrue(build.output().contains("WARNING: the function's pom.xml has <build>, which the build does not honour"), build.output());
        // Gson 2.9.0 as declared: the runtime's own Gson is another class loader's.
        try (Scripts.Server server = Scripts.start(build, folder, Map.of())) {
            server.request().post("/").then().statusCode(200).body(equalTo("{\"gsonJar\":\"gson-2.9.0.jar\"}"));
        }
    }

    @Test
    void aVersionlessDependencyNoDeclaredBomManagesFailsTheBuildNamingIt() throws IOException {
        Path function = scratch.resolve("versionless-source");
        Scripts.copy(FUNCTIONS.resolve("gradle"), function);
        Files.writeString(function.resolve("pom.xml"), Files.readString(function.resolve("pom.xml"))
                .replace("<version>3.5.3.Final</version>", ""));
        Scripts.Build build = Scripts.build(function, "Index.java", scratch.resolve("versionless"));
        assertNotEquals(0, build.exitCode());
        assertTrue(build.output().contains("the dependency org.jboss.logging:jboss-logging has no version, and no BOM the function declares manages it"),
                build.output());
    }

    @Test
    void theFunctionsClassesAreNeitherBeansNorResources() throws IOException {
        Path folder = scratch.resolve("intruder");
        Scripts.Build build = Scripts.build(FUNCTIONS.resolve("intruder"), "Index.java", folder);
        assertEquals(0, build.exitCode(), build.output());
        // No training per function: its code never runs while it is built.
        assertFalse(build.output().contains("INTRUDER"), "the function's code ran during the build:\n" + build.output());
        assertFalse(Files.exists(folder.resolve("workspace/training.log")));
        try (Scripts.Server server = Scripts.start(build, folder, Map.of())) {
            // @Observes Router: no route past the challenge.
            server.request().header("x-internal-challenge", "wrong").get("/intruder").then().statusCode(401);
            server.request().post("/intruder").then().statusCode(404).body("message", equalTo("Not found"));
            // @Path: no resource.
            server.request().post("/resource").then().statusCode(404).body("message", equalTo("Not found"));
            // @Provider filter that answers 418 to everything: not installed.
            server.request().post("/").then().statusCode(200).body(equalTo("ok"));
            // @Startup bean, @Observes StartupEvent: never constructed, never called.
            assertFalse(server.log().contains("INTRUDER"), server.log());
        }
    }

    @Test
    void anotherEntrypointAtStartThanTheBuildsAnswers404NamingBoth() {
        Path folder = scratch.resolve("entrypoint-at-start");
        Scripts.Build build = Scripts.build(FUNCTIONS.resolve("hello"), "Index.java", folder);
        assertEquals(0, build.exitCode(), build.output());
        String why = "INTERNAL_RUNTIME_ENTRYPOINT names Main.java, but this build compiled Index.java";
        try (Scripts.Server server = Scripts.start(build, folder, Map.of("INTERNAL_RUNTIME_ENTRYPOINT", "Main.java"))) {
            server.request().post("/").then().statusCode(404).body("code", equalTo(404))
                    .body("message", allOf(containsString(why), containsString("rebuild")));
            assertTrue(server.log().contains("Entrypoint unavailable, every execution will say so: " + why), server.log());
        }
        try (Scripts.Server server = Scripts.start(build, scratch.resolve("entrypoint-at-start-same"),
                Map.of("INTERNAL_RUNTIME_ENTRYPOINT", "./Index.java"))) {
            server.request().post("/").then().statusCode(200);
        }
    }

    @Test
    void aMisnamedEntryClassFailsTheBuildNamingTheFile() throws IOException {
        Path function = scratch.resolve("misnamed-source");
        Scripts.copy(FUNCTIONS.resolve("hello"), function);
        Files.writeString(function.resolve("Index.java"), Files.readString(function.resolve("Index.java")).replace("class Index", "class Greeter"));
        Scripts.Build build = Scripts.build(function, "Index.java", scratch.resolve("misnamed"));
        assertNotEquals(0, build.exitCode());
        assertTrue(build.output().contains("build.sh: Index.java must declare a public class Index (named after the file)"
                + " with public Response main(Request req, Response res), but declares Greeter"), build.output());
    }

    @Test
    void aLinkOutOfTheCodeFolderFailsTheBuildNamingTheLink() throws IOException {
        Path function = scratch.resolve("link-source");
        Scripts.copy(FUNCTIONS.resolve("hello"), function);
        Files.createSymbolicLink(function.resolve("passwd.java"), Path.of("/etc/passwd"));
        Scripts.Build build = Scripts.build(function, "Index.java", scratch.resolve("link"));
        assertNotEquals(0, build.exitCode());
        assertTrue(build.output().contains("build.sh: the symbolic link passwd.java points outside the code folder (to /etc/passwd)"),
                build.output());
    }

    @Test
    void aMavenFailureWhoseOnlyLineEndsInHelp1ReachesTheUser() {
        Scripts.Build build = Scripts.build(FUNCTIONS.resolve("unsupported-release"), "Index.java", scratch.resolve("release"));
        assertNotEquals(0, build.exitCode());
        assertTrue(build.output().contains("release version 99 not supported"), build.output());
        assertFalse(build.output().contains("[Help 1]"), build.output());
    }
}
