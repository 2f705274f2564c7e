package io.openruntimes.quarkus.engine;

import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;

/**
 * What functions print to {@code System.out} and {@code System.err}, sent to the {@link Sink} of
 * the execution that printed it.
 *
 * <p>Installed once: both streams are replaced by ones that send the bytes a function's thread
 * writes (and those of threads it starts: the sink is inherited) to that execution's sink, and
 * everything else to the original streams. Overlapping executions thus never see each other's
 * output. The runtime's own log lines never pass here: Quarkus's console handler took the
 * original {@code System.out} when logging started, before this is installed.
 */
public final class FunctionOutput {

    /** Where one execution's output goes: a protocol's capture, or the log. */
    public interface Sink {
        /**
         * Takes bytes the function wrote to {@code System.err} ({@code error}) or {@code System.out};
         * false sends them to the original stream instead (the execution no longer wants them).
         */
        boolean write(boolean error, byte[] bytes, int offset, int length);
    }

    private static final InheritableThreadLocal<Sink> CURRENT = new InheritableThreadLocal<>();
    private static boolean installed;

    private FunctionOutput() {
    }

    public static synchronized void install() {
        if (installed) {
            return;
        }
        installed = true;
        System.setOut(new PrintStream(new Routing(System.out, false), true, StandardCharsets.UTF_8));
        System.setErr(new PrintStream(new Routing(System.err, true), true, StandardCharsets.UTF_8));
    }

    /** From now on, what this thread (and threads it starts) prints goes to {@code sink}. */
    public static void enter(Sink sink) {
        CURRENT.set(sink);
    }

    public static void exit() {
        CURRENT.remove();
    }

    /** Sends each write to the writing thread's sink, or to the original stream. */
    private static final class Routing extends OutputStream {
        private final PrintStream original;
        private final boolean error;

        Routing(PrintStream original, boolean error) {
            this.original = original;
            this.error = error;
        }

        @Override
        public void write(int b) {
            write(new byte[] {(byte) b}, 0, 1);
        }

        @Override
        public void write(byte[] b, int off, int len) {
            Sink sink = CURRENT.get();
            if (sink == null || !sink.write(error, b, off, len)) {
                original.write(b, off, len);
            }
        }

        @Override
        public void flush() throws IOException {
            original.flush();
        }
    }
}
