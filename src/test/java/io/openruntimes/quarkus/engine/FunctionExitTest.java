package io.openruntimes.quarkus.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Which thread called exit, from where, and whether that was the function. */
class FunctionExitTest {

    private static StackTraceElement frame(String type, String method) {
        return new StackTraceElement(type, method, null, -1);
    }

    private static final StackTraceElement[] FUNCTION_EXITING = {
        frame("java.lang.Object", "wait"),
        frame("java.lang.Thread", "join"),
        frame("java.lang.ApplicationShutdownHooks", "runHooks"),
        frame("java.lang.Shutdown", "runHooks"),
        frame("java.lang.Shutdown", "exit"),
        frame("java.lang.Runtime", "exit"),
        frame("java.lang.System", "exit"),
        frame("com.example.Helper", "quit"),
        frame("Index", "main"),
        frame("java.lang.reflect.Method", "invoke")};

    private static final StackTraceElement[] WAITING_TO_EXIT = {
        frame("java.lang.Shutdown", "exit"),
        frame("java.lang.Runtime", "exit"),
        frame("java.lang.System", "exit"),
        frame("Other", "main")};

    @Test
    void theExitingThreadIsTheOneRunningTheHooksAndItsCallerComesFirst() {
        Thread exiting = new Thread("function-1");
        Map<Thread, StackTraceElement[]> stacks = new LinkedHashMap<>();
        stacks.put(new Thread("function-2"), WAITING_TO_EXIT);
        stacks.put(new Thread("idle"), new StackTraceElement[] {frame("java.lang.Thread", "sleep")});
        stacks.put(exiting, FUNCTION_EXITING);

        FunctionExit.ExitCall call = FunctionExit.exitCall(stacks).orElseThrow();
        assertSame(exiting, call.thread());
        assertEquals("com.example.Helper", call.callerClass());
        assertEquals(3, call.callerFrames().length);
        assertEquals("\tat com.example.Helper.quit(Unknown Source)\n\tat Index.main(Unknown Source)",
                StackTraces.format(call.callerFrames(), "Index"));
    }

    @Test
    void noThreadInExitMeansNoExitCall() {
        assertTrue(FunctionExit.exitCall(Map.of(new Thread("idle"), new StackTraceElement[] {frame("java.lang.Thread", "sleep")}))
                .isEmpty());
    }

    @ParameterizedTest(name = "{0}: by the function = {1}")
    @CsvSource({
        "Index, true",
        "com.example.Handler, true",
        "picocli.CommandLine, true", // a library the function called
        "java.lang.Terminator$1, false", // SIGTERM
        "io.quarkus.runtime.ApplicationLifecycleManager, false",
        "io.openruntimes.quarkus.engine.HeapGuard, false",
        "jdk.internal.misc.Signal$1, false",
        "'', false"})
    void whoseExitItWas(String callerClass, boolean byTheFunction) {
        assertEquals(byTheFunction, FunctionExit.byTheFunction(callerClass));
    }
}
