package io.openruntimes.quarkus.observe;

import io.openruntimes.quarkus.engine.ExecutionIds;
import io.openruntimes.quarkus.engine.FunctionOutput;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import org.jboss.logging.Logger;

/**
 * What a classic function prints, as log lines of the {@code function} category carrying its
 * execution's id: {@code System.out} at INFO, {@code System.err} at WARN, one record a line. With
 * JSON logging on, a function's prints are JSON records like every other line.
 *
 * <p>Threads the function starts keep printing here, with the same id, after the execution ends.
 */
public final class OutputLog implements FunctionOutput.Sink {

    private static final Logger LOG = Logger.getLogger("function");
    /** A line never ends for a function that prints without newlines: past this it is logged as is. */
    static final int MAX_LINE = 16 * 1024;

    private final String id;
    private final Line out = new Line(Logger.Level.INFO);
    private final Line err = new Line(Logger.Level.WARN);

    public OutputLog(String id) {
        this.id = id;
    }

    @Override
    public synchronized boolean write(boolean error, byte[] bytes, int offset, int length) {
        Line line = error ? err : out;
        for (int i = offset; i < offset + length; i++) {
            byte b = bytes[i];
            if (b == '\n') {
                line.log();
            } else {
                line.write(b);
            }
        }
        return true;
    }

    /** Logs what is left without a newline: called as the execution ends. */
    public synchronized void flush() {
        if (!out.isEmpty()) {
            out.log();
        }
        if (!err.isEmpty()) {
            err.log();
        }
    }

    private final class Line {
        private final Logger.Level level;
        /** Made on the first byte: most executions print nothing, and each one has a Line of each stream. */
        private ByteArrayOutputStream bytes;

        Line(Logger.Level level) {
            this.level = level;
        }

        void write(byte b) {
            if (bytes == null) {
                bytes = new ByteArrayOutputStream(128);
            }
            bytes.write(b);
            if (bytes.size() >= MAX_LINE) {
                log();
            }
        }

        boolean isEmpty() {
            return bytes == null || bytes.size() == 0;
        }

        void log() {
            byte[] text = bytes == null ? new byte[0] : bytes.toByteArray();
            int end = text.length > 0 && text[text.length - 1] == '\r' ? text.length - 1 : text.length;
            if (bytes != null) {
                bytes.reset();
            }
            // Threads the function started have their own MDC: the line says whose it is all the same.
            ExecutionIds.log(id, LOG, level, new String(text, 0, end, StandardCharsets.UTF_8));
        }
    }
}
