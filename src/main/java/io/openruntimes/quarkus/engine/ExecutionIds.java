package io.openruntimes.quarkus.engine;

import java.util.concurrent.ThreadLocalRandom;
import org.jboss.logging.Logger;
import org.jboss.logging.MDC;

/**
 * The id every log line of an execution carries, in the log's MDC under {@value #MDC_KEY}: v5's
 * log id when the executor sends one, otherwise a fresh one.
 */
public final class ExecutionIds {

    /** The MDC key: {@code %X{execution}} in the console format, {@code mdc.execution} in JSON. */
    public static final String MDC_KEY = "execution";
    private static final char[] HEX = "0123456789abcdef".toCharArray();

    private ExecutionIds() {
    }

    /**
     * A fresh 20-digit lower-hex id, as upstream makes v5 log ids: 8 digits of epoch seconds, 5 of
     * the microsecond clock mod 1000, 7 random. Sorts by time, and needs no lock.
     */
    public static String fresh() {
        long micros = System.currentTimeMillis() * 1000 + Math.floorMod(System.nanoTime() / 1000, 1000);
        char[] id = new char[20];
        hex(id, 0, 8, micros / 1_000_000);
        hex(id, 8, 5, micros % 1000);
        hex(id, 13, 7, ThreadLocalRandom.current().nextInt(1 << 28));
        return new String(id);
    }

    /** Marks this thread's log lines with {@code id}; returns the mark it had, for {@link #restore}. */
    public static Object mark(String id) {
        return MDC.put(MDC_KEY, id);
    }

    /** Gives this thread back the mark {@link #mark} returned. */
    public static void restore(Object before) {
        if (before == null) {
            MDC.remove(MDC_KEY);
        } else {
            MDC.put(MDC_KEY, before);
        }
    }

    /**
     * Logs one line as execution {@code id}'s, from whatever thread: the event loop after the
     * answer, the deadline's timer, a thread the function started.
     */
    public static void log(String id, Logger logger, Logger.Level level, String message) {
        Object before = mark(id);
        try {
            logger.log(level, message);
        } finally {
            restore(before);
        }
    }

    private static void hex(char[] into, int from, int digits, long value) {
        for (int i = from + digits - 1; i >= from; i--) {
            into[i] = HEX[(int) (value & 0xf)];
            value >>>= 4;
        }
    }
}
