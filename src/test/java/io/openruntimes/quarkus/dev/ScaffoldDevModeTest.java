package io.openruntimes.quarkus.dev;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.openruntimes.quarkus.scripts.Scripts;
import java.io.IOException;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.io.TempDir;

/**
 * The scaffold's function in dev mode, started the Quarkus way ({@code ./mvnw quarkus:dev
 * -Dfunction=DIR}, which is {@code dev.sh DIR}): it serves, reloads a saved source, and a saved
 * unit test under src/test/java is not the served function's business.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class ScaffoldDevModeTest {

    private static final Path RUNTIME = Scripts.RUNTIME;

    @TempDir
    static Path temp;
    private static Path function;
    private static DevModeProcess devMode;

    @BeforeAll
    static void startDevMode() throws Exception {
        function = Scripts.scaffold(temp.resolve("my-function"));
        devMode = DevModeProcess.startWithMaven(RUNTIME, function, temp.resolve("workspace"), temp.resolve("dev.log"));
        devMode.awaitListening(DevModeProcess.START_TIMEOUT);
    }

    @AfterAll
    static void stopDevMode() {
        DevModeProcess.stop(devMode);
    }

    @Test
    @Order(1)
    void servesTheScaffoldsFunctionAfterACleanStart() throws Exception {
        HttpResponse<String> response = execute();

        assertEquals(200, response.statusCode(), response.body() + "\n" + devMode.logTail());
        assertEquals("{\"message\":\"Hello, world!\",\"payload\":\"dev\"}", response.body());
        String start = devMode.startLog();
        assertFalse(start.contains(" ERROR "), start);
        assertTrue(start.contains("Listening on: http://127.0.0.1:" + devMode.port()), start);
    }

    @Test
    @Order(2)
    void reloadsASavedSourceInSrcMainJava() throws Exception {
        edit("src/main/java/Index.java", "\", \" + name", "\", dear \" + name");

        HttpResponse<String> response = execute();

        assertEquals(200, response.statusCode(), response.body());
        assertEquals("{\"message\":\"Hello, dear world!\",\"payload\":\"dev\"}", response.body());
    }

    @Test
    @Order(3)
    void aSavedUnitTestIsNotCompiledIntoTheFunction() throws Exception {
        edit("src/test/java/IndexTest.java", "Hello, Ada!", "Hello, dear Ada!"); // it imports JUnit: compiled here, it would fail
        edit("src/main/java/Index.java", "\", dear \" + name", "\", \" + name");

        HttpResponse<String> response = execute();

        assertEquals(200, response.statusCode(), response.body());
        assertEquals("{\"message\":\"Hello, world!\",\"payload\":\"dev\"}", response.body());
    }

    private static HttpResponse<String> execute() throws IOException, InterruptedException {
        return devMode.execute("{\"payload\":\"dev\"}");
    }

    private static void edit(String file, String from, String to) throws IOException {
        DevModeProcess.edit(function, file, from, to);
    }
}
