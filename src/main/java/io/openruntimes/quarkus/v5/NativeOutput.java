package io.openruntimes.quarkus.v5;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;

/**
 * What functions print to {@code System.out} and {@code System.err}, kept per execution.
 *
 * <p>Installed once: both streams are replaced by ones that send the bytes a function's thread
 * writes (and those of threads it starts: the capture is inherited) into that execution's
 * {@link Capture}, and everything else to the original streams. Overlapping executions thus
 * never see each other's output. The runtime's own log lines never pass here: Quarkus's console
 * handler took the original {@code System.out} when logging started, before this is installed.
 */
final class NativeOutput {

    private static final InheritableThreadLocal<Capture> CURRENT = new InheritableThreadLocal<>();
    private static boolean installed;

    private NativeOutput() {
    }

    static synchronized void install() {
        if (installed) {
            return;
        }
        installed = true;
        System.setOut(new PrintStream(new Routing(System.out), true, StandardCharsets.UTF_8));
        System.setErr(new PrintStream(new Routing(System.err), true, StandardCharsets.UTF_8));
    }

    /** From now on, what this thread (and threads it starts) prints goes to {@code capture}. */
    static void enter(Capture capture) {
        CURRENT.set(capture);
    }

    static void exit() {
        CURRENT.remove();
    }

    /** One execution's native output, up to {@link #LIMIT} bytes. */
    static final class Capture {
        /** A function printing without end must not fill the heap: past this, output is dropped. */
        static final int LIMIT = 4 * 1024 * 1024;
        /** For an execution whose logging is off: its output goes nowhere. */
        static final Capture DISCARD = new Capture();

        private ByteArrayOutputStream bytes;
        private boolean closed;
        private boolean cut;

        /** Keeps the bytes; false once the execution has ended (they then go to the original stream). */
        synchronized boolean write(byte[] b, int off, int len) {
            if (closed) {
                return false;
            }
            if (this == DISCARD) {
                return true;
            }
            if (bytes == null) {
                bytes = new ByteArrayOutputStream(256);
            }
            int room = LIMIT - bytes.size();
            if (len > room) {
                cut = true;
                len = Math.max(0, room);
            }
            bytes.write(b, off, len);
            return true;
        }

        /** Ends the capture and says what it holds ({@code ""} for nothing). */
        synchronized String close() {
            if (this == DISCARD) {
                return "";
            }
            closed = true;
            if (bytes == null) {
                return "";
            }
            String text = bytes.toString(StandardCharsets.UTF_8);
            bytes = null;
            return cut ? text + "\n... Native output truncated at " + LIMIT + " bytes\n" : text;
        }
    }

    /** Sends each write to the writing thread's capture, or to the original stream. */
    private static final class Routing extends OutputStream {
        private final PrintStream original;

        Routing(PrintStream original) {
            this.original = original;
        }

        @Override
        public void write(int b) {
            write(new byte[] {(byte) b}, 0, 1);
        }

        @Override
        public void write(byte[] b, int off, int len) {
            Capture capture = CURRENT.get();
            if (capture == null || !capture.write(b, off, len)) {
                original.write(b, off, len);
            }
        }

        @Override
        public void flush() throws IOException {
            original.flush();
        }
    }
}
