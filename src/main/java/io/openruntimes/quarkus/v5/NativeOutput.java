package io.openruntimes.quarkus.v5;

import io.openruntimes.quarkus.engine.FunctionOutput;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;

/**
 * A v5 execution's native output: what its function printed (engine/FunctionOutput routes it
 * here), kept to be written into its log file once, at the end, as upstream does; up to
 * {@link #LIMIT} bytes.
 */
final class NativeOutput implements FunctionOutput.Sink {

    /** A function printing without end must not fill the heap: past this, output is dropped. */
    static final int LIMIT = 4 * 1024 * 1024;
    /** For an execution whose logging is off: its output goes nowhere. */
    static final NativeOutput DISCARD = new NativeOutput();

    private ByteArrayOutputStream bytes;
    private boolean closed;
    private boolean cut;

    /** Keeps the bytes, of both streams alike; false once the execution has ended. */
    @Override
    public synchronized boolean write(boolean error, byte[] b, int off, int len) {
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
