package io.openruntimes.quarkus.scripts;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The scaffold's v5 project ({@code new-function.sh --v5}) builds as the executors build it:
 * with build.sh ({@code OPENRUNTIMES_PROTOCOL=v5}) and with helpers/build.sh in the container's
 * paths, whose archive helpers/start.sh then serves. Its own unit test, and dev mode, are
 * V5ScaffoldDevModeTest's.
 */
class V5ScaffoldBuildTest {

    @TempDir
    Path scratch;

    @Test
    void buildShBuildsItIntoAV5FunctionFolder() {
        Path folder = Scripts.scaffold(scratch.resolve("my-v5-function"), "--v5");

        Scripts.Build build = Scripts.build(folder, "Index.java", scratch.resolve("build"), Map.of("OPENRUNTIMES_PROTOCOL", "v5"));

        assertEquals(0, build.exitCode(), build.output());
        String descriptor = Scripts.read(scratch.resolve("build/workspace/function/function.properties"));
        assertTrue(descriptor.contains("protocol=v5") && descriptor.contains("class=Index"), descriptor);
        assertEquals("Hello\n", Scripts.read(scratch.resolve("build/workspace/function/classes/greeting.txt")));
    }

    @Test
    void helpersBuildShBuildsItAndHelpersStartShServesIt() {
        Scripts.runtimeHome();
        Sandbox sandbox = new Sandbox(scratch.resolve("sandbox"), Scripts.RUNTIME);
        Scripts.copy(Scripts.scaffold(scratch.resolve("my-v5-function"), "--v5"), sandbox.code());

        Sandbox.Result build = sandbox.build("", Map.of("OPEN_RUNTIMES_ENTRYPOINT", "Index.java"));

        assertEquals(0, build.exitCode(), build.output());
        try (Sandbox.Running server = sandbox.launch("helpers/start.sh 'bash helpers/server.sh'",
                Map.of("OPEN_RUNTIMES_SECRET", "scaffold-secret", "OPEN_RUNTIMES_ENTRYPOINT", "Index.java"))) {
            server.awaitOutput("HTTP server successfully started!", Duration.ofSeconds(60));
            assertEquals(new Sandbox.Running.Answer(200, "{\"message\":\"Hello, Ada!\",\"method\":\"GET\",\"path\":\"/greet\"}"),
                    server.get("/greet?name=Ada", "x-open-runtimes-secret: scaffold-secret"));
        }
    }
}
