package io.openruntimes.quarkus.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.openruntimes.quarkus.Request;
import io.openruntimes.quarkus.Response;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

/** Which classes make a usable entrypoint, and what the 404 says when one does not. */
class FunctionEntrypointTest {

    public static class Instance {
        public Response main(Request req, Response res) {
            return res.send("instance");
        }
    }

    public static class Static {
        public static Response main(Request req, Response res) {
            return res.send("static");
        }
    }

    public static class NoMain {
        public Response handle(Request req, Response res) {
            return res;
        }
    }

    public static class WrongReturn {
        public String main(Request req, Response res) {
            return "text";
        }
    }

    public static class NoDefaultConstructor {
        public NoDefaultConstructor(String name) {
        }

        public Response main(Request req, Response res) {
            return res;
        }
    }

    public static class FailingConstructor {
        public FailingConstructor() {
            throw new IllegalStateException("no config");
        }

        public Response main(Request req, Response res) {
            return res;
        }
    }

    private static FunctionEntrypoint load(Class<?> type) {
        return load(type.getName());
    }

    private static final MainSignature CLASSIC = new MainSignature("classic", "main(Request req, Response res)", Response.class,
            List.of(Request.class, Response.class), false);

    private static FunctionEntrypoint load(String name) {
        return FunctionEntrypoint.load(name, "Index.java", FunctionEntrypointTest.class.getClassLoader(), CLASSIC);
    }

    /** Counts its instances: one per call when the signature asks for it. */
    public static class Counting {
        static final AtomicInteger INSTANCES = new AtomicInteger();

        public Counting() {
            INSTANCES.incrementAndGet();
        }

        public String main(String input) {
            return input + INSTANCES.get();
        }
    }

    public static class FailsOnSecondInstance {
        static final AtomicInteger INSTANCES = new AtomicInteger();

        public FailsOnSecondInstance() {
            if (INSTANCES.incrementAndGet() > 1) {
                throw new IllegalStateException("second");
            }
        }

        public String main(String input) {
            return input;
        }
    }

    private static FunctionEntrypoint perCall(Class<?> type) {
        return FunctionEntrypoint.load(type.getName(), "Index.java", FunctionEntrypointTest.class.getClassLoader(),
                new MainSignature("classic", "main(String input)", String.class, List.of(String.class), true));
    }

    @Test
    void instanceMainIsCalledOnOneInstance() throws Throwable {
        FunctionEntrypoint entrypoint = load(Instance.class);
        assertTrue(entrypoint.available());
        assertNull(entrypoint.problem());
        Response res = new Response();
        assertSame(res, entrypoint.call(new Request(), res));
        assertSame(res, entrypoint.call(new Request(), res));
        assertEquals("instance", res.getBody());
    }

    @Test
    void withArgumentsHandsMainWhatTheAdapterMakesOfEachCallsArguments() throws Throwable {
        Response replaced = new Response();
        FunctionEntrypoint entrypoint = load(Instance.class).withArguments(arguments -> new Object[] {arguments[0], replaced});

        assertSame(replaced, entrypoint.call(new Request(), new Response()));
        assertEquals("instance", replaced.getBody());
    }

    @Test
    void staticMainIsAccepted() throws Throwable {
        assertEquals("static", ((Response) load(Static.class).call(new Request(), new Response())).getBody());
    }

    @Test
    void eachCallGetsItsOwnInstanceWhenTheSignatureSaysSo() throws Throwable {
        FunctionEntrypoint entrypoint = perCall(Counting.class);
        assertTrue(entrypoint.available());
        assertEquals(0, Counting.INSTANCES.get(), "no instance before the first call");
        assertEquals("a1", entrypoint.call("a"));
        assertEquals("b2", entrypoint.call("b"));
    }

    @Test
    void aConstructorFailingOnACallMakesThatCallAnUnavailableEntrypoint() throws Throwable {
        FunctionEntrypoint entrypoint = perCall(FailsOnSecondInstance.class);
        assertEquals("a", entrypoint.call("a"));
        ExecutionFailure failure = assertThrows(ExecutionFailure.class, () -> entrypoint.call("b"));
        assertEquals(ExecutionFailure.Kind.ENTRYPOINT_UNAVAILABLE, failure.kind());
        assertTrue(failure.getMessage().contains("failed in its constructor:\njava.lang.IllegalStateException: second"),
                failure.getMessage());
    }

    @Test
    void callingAnUnavailableEntrypointSaysWhy() {
        ExecutionFailure failure = assertThrows(ExecutionFailure.class, () -> load("com.example.Missing").call());
        assertEquals(ExecutionFailure.Kind.ENTRYPOINT_UNAVAILABLE, failure.kind());
        assertTrue(failure.getMessage().contains("cannot be loaded"), failure.getMessage());
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "                                                                        | No entrypoint class is configured for Index.java",
            "com.example.Missing                                                     | Entrypoint class com.example.Missing (from Index.java) cannot be loaded",
            "io.openruntimes.quarkus.engine.FunctionEntrypointTest$NoMain               | has no public method main(Request req, Response res)",
            "io.openruntimes.quarkus.engine.FunctionEntrypointTest$WrongReturn          | must return io.openruntimes.quarkus.Response, not java.lang.String",
            "io.openruntimes.quarkus.engine.FunctionEntrypointTest$NoDefaultConstructor | has no no-argument constructor",
            "io.openruntimes.quarkus.engine.FunctionEntrypointTest$FailingConstructor   | failed in its constructor:\\njava.lang.IllegalStateException: no config",
    })
    void unusableEntrypointsSayWhy(String className, String problem) {
        FunctionEntrypoint entrypoint = load(className);
        assertFalse(entrypoint.available());
        assertTrue(entrypoint.problem().contains(problem.replace("\\n", "\n")), entrypoint.problem());
    }
}
