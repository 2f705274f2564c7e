package io.openruntimes.quarkus.dev;

import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Why dev mode cannot run the function, as plain text for the error schema's message: the
 * compiler's errors (file, line, what is wrong) or why the application failed to start.
 */
final class ReloadProblem {

    /** Quarkus colours the compiler's report for a terminal; JSON wants the bare text. */
    private static final Pattern ANSI_ESCAPE = Pattern.compile("\u001B\\[[0-9;]*m");

    private ReloadProblem() {
    }

    /** The problem's message and its causes' messages, each once, in order. */
    static String describe(Throwable problem) {
        StringBuilder out = new StringBuilder();
        Set<Throwable> seen = Collections.newSetFromMap(new IdentityHashMap<>());
        for (Throwable t = problem; t != null && seen.add(t); t = t.getCause()) {
            String message = t.getMessage() == null ? t.getClass().getName() : plain(t.getMessage());
            // Wrappers often repeat their cause's message: say it once.
            if (out.indexOf(message) >= 0) {
                continue;
            }
            if (!out.isEmpty()) {
                out.append("\nCaused by: ");
            }
            out.append(message);
        }
        return out.toString();
    }

    private static String plain(String message) {
        return ANSI_ESCAPE.matcher(message).replaceAll("").strip();
    }
}
