package io.openruntimes.quarkus.dev;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.openruntimes.quarkus.scripts.Scripts;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The scaffold's v5 project ({@code new-function.sh --v5}): a Maven project whose own unit test
 * passes with {@code mvn test} (a RuntimeContext built by the test, no server), and which dev
 * mode serves as v5 and reloads on a save.
 */
class V5ScaffoldDevModeTest {

    private static final Path RUNTIME = Scripts.RUNTIME;

    @TempDir
    Path temp;

    @Test
    void passesItsOwnUnitTestAndServesInDevMode() throws Exception {
        Path function = Scripts.scaffold(temp.resolve("my-v5-function"), "--v5");
        assertTrue(Files.readString(function.resolve("src/main/java/Index.java")).contains("main(RuntimeContext context)"));

        Scripts.mavenInFunction(function, "-q", "test");
        assertTrue(Files.readString(function.resolve("target/surefire-reports/IndexTest.txt")).contains("Failures: 0, Errors: 0"));

        try (DevModeProcess devMode = DevModeProcess.serve(RUNTIME, function, temp)) {
            HttpResponse<String> first = devMode.send("GET", "/greet?name=Ada", Map.of());
            assertEquals(200, first.statusCode(), first.body() + "\n" + devMode.logTail());
            assertEquals("{\"message\":\"Hello, Ada!\",\"method\":\"GET\",\"path\":\"/greet\"}", first.body());

            DevModeProcess.edit(function, "src/main/resources/greeting.txt", "Hello", "Howdy");
            DevModeProcess.edit(function, "src/test/java/IndexTest.java", "Hello, Ada!", "Howdy, Ada!"); // not the served function's
            HttpResponse<String> reloaded = devMode.send("PATCH", "/other", Map.of());
            assertEquals("{\"message\":\"Howdy, world!\",\"method\":\"PATCH\",\"path\":\"/other\"}", reloaded.body());
            assertTrue(devMode.log().contains("context.log: Greeting world"), devMode.logTail());
        }
    }
}
