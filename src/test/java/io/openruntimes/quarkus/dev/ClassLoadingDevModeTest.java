package io.openruntimes.quarkus.dev;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.openruntimes.quarkus.scripts.Scripts;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * What works in dev mode works deployed (issue 15, item 6): dev mode loads a function under a
 * deployment's class-loading rules, with its dependencies resolved as build.sh resolves them (a
 * v5 function's deps.gradle, a classic function's pom.xml), in the versions it declares, and
 * nothing of the runtime but the function API.
 */
class ClassLoadingDevModeTest {

    private static final Path RUNTIME = Scripts.RUNTIME;
    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path temp;

    @Test
    void aV5FunctionGetsItsOwnGsonAndNothingOfTheRuntime() throws Exception {
        JsonNode seen = servedAnswer("libraries-v5", "GET", "/");

        assertEquals("gson-2.11.0.jar", seen.get("gson").asText());
        assertEquals("hidden", seen.get("vertx").asText());
        assertEquals("hidden", seen.get("quarkus").asText());
    }

    @Test
    void aClassicFunctionGetsItsOwnLibrariesAndNothingOfTheRuntime() throws Exception {
        JsonNode seen = servedAnswer("libraries", "POST", "/");

        assertEquals("gson-2.11.0.jar", seen.get("gson").asText(), seen.toString());
        assertEquals(42, seen.get("jdbc").asInt(), seen.toString());
        assertEquals("1.9.10", seen.get("kotlin").asText(), seen.toString());
        for (String runtimeClass : new String[] {"io.vertx.core.Vertx", "io.netty.channel.Channel", "io.quarkus.runtime.Quarkus",
                "io.openruntimes.quarkus.engine.Invoker"}) {
            assertEquals("hidden", seen.get(runtimeClass).asText(), runtimeClass);
        }
    }

    private JsonNode servedAnswer(String name, String method, String path) throws Exception {
        try (DevModeProcess devMode = DevModeProcess.serveCopy(RUNTIME, name, temp)) {
            HttpResponse<String> response = devMode.send(method, path, Map.of());
            assertEquals(200, response.statusCode(), response.body() + "\n" + devMode.logTail());
            return JSON.readTree(response.body());
        }
    }
}
