package io.openruntimes.quarkus.engine;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.Set;

/**
 * Stack traces as a function's author wants to read them: their own frames, and none of the
 * reflection and thread-pool frames below their {@code main}.
 */
final class StackTraces {

    private StackTraces() {
    }

    /** {@code failure}'s class, message and trace with its causes, cut below the entrypoint's main. */
    static String format(Throwable failure, String entrypointClass) {
        trimChain(failure, entrypointClass, Collections.newSetFromMap(new IdentityHashMap<>()));
        StringWriter out = new StringWriter();
        failure.printStackTrace(new PrintWriter(out));
        return out.toString().stripTrailing();
    }

    /** A thread's frames, deepest (the user's code) first, cut below the entrypoint's main. */
    static String format(StackTraceElement[] frames, String entrypointClass) {
        StringBuilder out = new StringBuilder();
        for (StackTraceElement frame : trim(frames, entrypointClass)) {
            out.append("\tat ").append(frame).append('\n');
        }
        return out.toString().stripTrailing();
    }

    private static void trimChain(Throwable t, String entrypointClass, Set<Throwable> seen) {
        if (t == null || !seen.add(t)) {
            return;
        }
        t.setStackTrace(trim(t.getStackTrace(), entrypointClass));
        trimChain(t.getCause(), entrypointClass, seen);
        for (Throwable suppressed : t.getSuppressed()) {
            trimChain(suppressed, entrypointClass, seen);
        }
    }

    /**
     * Frames up to the outermost call of the entrypoint's main (all of them if it is not there),
     * without the class loader's name: the JVM would print the function's frames as
     * {@code app//Index.main(Index.java:7)}, which says nothing to the function's author.
     */
    private static StackTraceElement[] trim(StackTraceElement[] frames, String entrypointClass) {
        int end = frames.length;
        for (int i = frames.length - 1; i >= 0; i--) {
            if (frames[i].getMethodName().equals("main") && frames[i].getClassName().equals(entrypointClass)) {
                end = i + 1;
                break;
            }
        }
        StackTraceElement[] trimmed = new StackTraceElement[end];
        for (int i = 0; i < end; i++) {
            StackTraceElement f = frames[i];
            trimmed[i] = new StackTraceElement(null, f.getModuleName(), f.getModuleVersion(),
                    f.getClassName(), f.getMethodName(), f.getFileName(), f.getLineNumber());
        }
        return trimmed;
    }
}
