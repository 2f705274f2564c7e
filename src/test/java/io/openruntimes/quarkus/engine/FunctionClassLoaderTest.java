package io.openruntimes.quarkus.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.openruntimes.quarkus.Request;
import io.openruntimes.quarkus.Response;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * What a built function sees from its class loader (issue 15): its own libraries in the versions
 * it declared, the JDK, the function API, Gson under v5 only when it brings none, and nothing
 * else of the runtime; ServiceLoader, DriverManager and the context class loader as in a plain
 * Java program. The runtime's own class path here (Gson 2.13, Jackson 2.x, SLF4J, Vert.x,
 * Quarkus) stands for the server's.
 */
class FunctionClassLoaderTest {

    static final MainSignature CLASSIC = new MainSignature("classic", "main(Request req, Response res)", Response.class,
            List.of(Request.class, Response.class), false);

    @TempDir
    Path scratch;

    /** A classic Index whose main answers with what {@code body} (statements ending in a return of a String) computes. */
    static String function(String body) {
        return "import io.openruntimes.quarkus.Request;\nimport io.openruntimes.quarkus.Response;\n"
                + "public class Index {\n"
                + "  static String jar(Class<?> type) { String at = type.getProtectionDomain().getCodeSource().getLocation().getPath();"
                + " return at.substring(at.lastIndexOf('/', at.length() - 2) + 1); }\n"
                + "  public Response main(Request req, Response res) throws Exception { return res.send(answer()); }\n"
                + "  static String answer() throws Exception {\n" + body + "\n  }\n}\n";
    }

    private int functions;

    String run(String body, List<Path> jars, boolean v5) throws Throwable {
        String protocol = v5 ? "v5" : "classic";
        Path folder = BuiltFunctions.make(scratch.resolve("function-" + ++functions), Map.of("Index.java", function(body)), jars,
                Map.of("protocol", protocol));
        // The classic main under either protocol's name: what differs is what the loader shows the function.
        MainSignature signature = new MainSignature(protocol, CLASSIC.description(), CLASSIC.returnType(), CLASSIC.parameters(), false);
        FunctionEntrypoint entrypoint = BuiltFunction.load(folder, Optional.empty(), FunctionClassLoaderTest.class.getClassLoader(), signature);
        assertTrue(entrypoint.available(), entrypoint.problem());
        return ((Response) entrypoint.call(new Request(), new Response())).getBody();
    }

    static final String GSON = "return jar(Class.forName(\"com.google.gson.Gson\"));";

    @Test
    void aFunctionDeclaringGson2110GetsIt() throws Throwable {
        List<Path> gson = Libraries.of("gson-2.11.0", "com.google.code.gson:gson:2.11.0");
        assertEquals("gson-2.11.0.jar", run(GSON, gson, false));
        assertEquals("gson-2.11.0.jar", run(GSON, gson, true));
    }

    @Test
    void aV5FunctionWithoutGsonGetsTheRuntimesAndAClassicOneNone() throws Throwable {
        String runtimes = jarOf(com.google.gson.Gson.class);
        assertEquals(runtimes, run(GSON, List.of(), true));
        assertEquals("ClassNotFoundException", run("try { " + GSON + " } catch (ClassNotFoundException e) { return \"ClassNotFoundException\"; }",
                List.of(), false));
    }

    @Test
    void aFunctionUsingJackson215SerialisesWithItsOwn() throws Throwable {
        List<Path> jackson = Libraries.of("jackson-2.15.4", "com.fasterxml.jackson.core:jackson-databind:2.15.4");
        assertEquals("jackson-databind-2.15.4.jar 2.15.4 {\"a\":[1,2]}", run("""
                var mapper = new com.fasterxml.jackson.databind.ObjectMapper();
                return jar(mapper.getClass()) + " " + mapper.version() + " " + mapper.writeValueAsString(java.util.Map.of("a", java.util.List.of(1, 2)));
                """, jackson, false));
    }

    @Test
    void aFunctionDeclaringKotlinStdlib1910GetsIt() throws Throwable {
        List<Path> kotlin = Libraries.of("kotlin-1.9.10", "org.jetbrains.kotlin:kotlin-stdlib:1.9.10");
        assertEquals("1.9.10", run("return kotlin.KotlinVersion.CURRENT.toString();", kotlin, false));
    }

    @Test
    void aJdbcDriverRegisteredThroughServiceLoaderIsFoundByDriverManager() throws Throwable {
        // DriverManager already looked its drivers up, from the runtime's class path (which has none).
        assertTrue(java.sql.DriverManager.drivers().noneMatch(driver -> driver.getClass().getName().startsWith("org.h2.")));
        List<Path> h2 = Libraries.of("h2-2.2.224", "com.h2database:h2:2.2.224");
        assertEquals("42", run("""
                try (var connection = java.sql.DriverManager.getConnection("jdbc:h2:mem:test");
                     var result = connection.createStatement().executeQuery("SELECT 6 * 7")) {
                    result.next();
                    return result.getString(1);
                }
                """, h2, false));
    }

    @Test
    void aFunctionsSlf4jFindsItsBindingAndWritesItsLines() throws Throwable {
        List<Path> slf4j = Libraries.of("slf4j-simple-2.0.13", "org.slf4j:slf4j-simple:2.0.13");
        assertEquals("org.slf4j.simple.SimpleLoggerFactory slf4j-api-2.0.13.jar", run("""
                org.slf4j.LoggerFactory.getLogger("function").info("from the function");
                return org.slf4j.LoggerFactory.getILoggerFactory().getClass().getName() + " " + jar(org.slf4j.LoggerFactory.class);
                """, slf4j, false));
    }

    @Test
    void threadsTheFunctionStartsHaveItsLoaderAndFindItsServices() throws Throwable {
        List<Path> slf4j = Libraries.of("slf4j-simple-2.0.13", "org.slf4j:slf4j-simple:2.0.13");
        assertEquals("true true", run("""
                var seen = new java.util.concurrent.CompletableFuture<String>();
                ClassLoader own = Index.class.getClassLoader();
                new Thread(() -> seen.complete((Thread.currentThread().getContextClassLoader() == own) + " "
                        + java.util.ServiceLoader.load(org.slf4j.spi.SLF4JServiceProvider.class).findFirst().isPresent())).start();
                return seen.get();
                """, slf4j, false));
    }

    @ParameterizedTest
    @CsvSource({
        "io.vertx.core.Vertx",
        "io.netty.channel.Channel",
        "io.quarkus.runtime.Quarkus",
        "com.fasterxml.jackson.databind.ObjectMapper",
        "org.slf4j.LoggerFactory",
        "org.jboss.logging.Logger",
        "io.openruntimes.quarkus.engine.Invoker",
        "io.openruntimes.quarkus.Json",
        "io.openruntimes.quarkus.v5.V5Edge",
    })
    void theRuntimesClassesAreInvisible(String name) throws Throwable {
        for (boolean v5 : new boolean[] {false, true}) {
            assertEquals("hidden hidden", run("String direct, context;"
                    + " try { Class.forName(\"" + name + "\"); direct = \"visible\"; } catch (ClassNotFoundException e) { direct = \"hidden\"; }"
                    + " try { Thread.currentThread().getContextClassLoader().loadClass(\"" + name + "\"); context = \"visible\"; }"
                    + " catch (ClassNotFoundException e) { context = \"hidden\"; }"
                    + " return direct + \" \" + context;", List.of(), v5), name + (v5 ? " (v5)" : " (classic)"));
        }
    }

    @ParameterizedTest
    @CsvSource({
        "io.openruntimes.quarkus.Request",
        "io.openruntimes.quarkus.Response",
        "io.openruntimes.java.RuntimeContext",
        "io.openruntimes.java.RuntimeOutput",
        "java.sql.Connection",
        "java.net.http.HttpClient",
    })
    void theApiAndTheJdkAreTheRuntimesOwn(String name) throws Throwable {
        assertEquals(String.valueOf(Class.forName(name).getClassLoader()),
                run("return String.valueOf(Class.forName(\"" + name + "\").getClassLoader());", List.of(), false), name);
    }

    @Test
    void aFunctionsOwnClassInTheV5ApisPackageIsItsOwn() throws Throwable {
        // Upstream's test functions live in io.openruntimes.java, beside the API.
        Path folder = BuiltFunctions.make(scratch.resolve("upstream-package"), Map.of("Index.java", function(
                "return new io.openruntimes.java.Helper().name() + \" \" + io.openruntimes.java.RuntimeContext.class.getClassLoader();"),
                "Helper.java", "package io.openruntimes.java; public class Helper { public String name() { return \"helper\"; } }"),
                List.of(), Map.of());
        FunctionEntrypoint entrypoint = BuiltFunction.load(folder, Optional.empty(), getClass().getClassLoader(), CLASSIC);
        assertEquals("helper " + io.openruntimes.java.RuntimeContext.class.getClassLoader(),
                ((Response) entrypoint.call(new Request(), new Response())).getBody());
    }

    @Test
    void resourcesAreTheFunctionsAndNoneOfTheRuntimes() throws Throwable {
        assertEquals("null null", run("""
                ClassLoader own = Index.class.getClassLoader();
                return own.getResource("application.properties") + " " + own.getResource("META-INF/openruntimes/function-api.properties");
                """, List.of(), false));
    }

    private static String jarOf(Class<?> type) {
        String at = type.getProtectionDomain().getCodeSource().getLocation().getPath();
        return at.substring(at.lastIndexOf('/', at.length() - 2) + 1);
    }
}
