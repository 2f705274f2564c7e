package io.openruntimes.java;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Collection;
import java.util.Map;

/**
 * One execution's log files, {@code <id>_logs.log} and {@code <id>_errors.log}: what
 * {@code context.log(...)} and {@code context.error(...)} write. Made by the runtime; a
 * function writes through {@link RuntimeContext}.
 *
 * <p>Both files are opened in append mode when the execution starts and closed when it ends;
 * anything written after that (by a thread the function left running) is dropped. Each call is
 * one whole line written at once, so executions sharing the files (the {@code dev} id) never
 * interleave within a line.
 */
public class RuntimeLogger {

    /** Longer log calls are cut to this many characters. */
    public static final int MAX_LENGTH = 8000;
    static final String TRUNCATED = "... Log truncated due to size limit (" + MAX_LENGTH + " characters)";
    static final String NATIVE_LOGS = "Native logs detected. Use context.log() or context.error() for better experience.";

    private static final RuntimeLogger DISABLED = new RuntimeLogger("", null, null);

    private final String id;
    private final FileChannel logs;
    private final FileChannel errors;
    private boolean closed;

    private RuntimeLogger(String id, FileChannel logs, FileChannel errors) {
        this.id = id;
        this.logs = logs;
        this.errors = errors;
        this.closed = logs == null;
    }

    /** Opens (creating, appending) {@code <directory>/<id>_logs.log} and {@code <id>_errors.log}. */
    public static RuntimeLogger open(Path directory, String id) throws IOException {
        FileChannel logs = append(directory.resolve(id + "_logs.log"));
        try {
            return new RuntimeLogger(id, logs, append(directory.resolve(id + "_errors.log")));
        } catch (IOException | RuntimeException e) {
            logs.close();
            throw e;
        }
    }

    /** Logging is off for the execution: its id is {@code ""} and nothing is written anywhere. */
    public static RuntimeLogger disabled() {
        return DISABLED;
    }

    private static FileChannel append(Path file) throws IOException {
        return FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.WRITE, StandardOpenOption.APPEND);
    }

    /** The execution's log id; {@code ""} when logging is off. */
    public String getId() {
        return id;
    }

    public boolean isEnabled() {
        return logs != null;
    }

    /** The messages, joined by spaces, as one line of the logs file. */
    public void log(Object... messages) {
        write(logs, render(messages));
    }

    /** The messages, joined by spaces, as one line of the errors file. */
    public void error(Object... messages) {
        write(errors, render(messages));
    }

    /**
     * What the function printed to {@code System.out}/{@code System.err} during the execution,
     * into the logs file after a line saying so. Not cut: it was never a single log call.
     */
    public void nativeLogs(String output) {
        if (output.isEmpty()) {
            return;
        }
        StringBuilder text = new StringBuilder(NATIVE_LOGS.length() + output.length() + 2).append(NATIVE_LOGS).append('\n')
                .append(output);
        if (output.charAt(output.length() - 1) != '\n') {
            text.append('\n');
        }
        write(logs, text.toString());
    }

    /** Closes both files; later writes are dropped. */
    public synchronized void close() {
        if (closed) {
            return;
        }
        closed = true;
        try {
            logs.close();
        } catch (IOException ignored) {
            // nothing more will be written; the executor reads what is there
        }
        try {
            errors.close();
        } catch (IOException ignored) {
            // as above
        }
    }

    static String render(Object[] messages) {
        StringBuilder line = new StringBuilder();
        if (messages != null) {
            for (int i = 0; i < messages.length; i++) {
                if (i > 0) {
                    line.append(' ');
                }
                line.append(render(messages[i]));
            }
        }
        if (line.length() > MAX_LENGTH) {
            line.setLength(MAX_LENGTH);
            line.append(TRUNCATED);
        }
        return line.append('\n').toString();
    }

    private static String render(Object message) {
        if (message instanceof Map || message instanceof Collection) {
            return RuntimeResponse.gson().toJson(message);
        }
        return String.valueOf(message);
    }

    private synchronized void write(FileChannel file, String line) {
        if (closed) {
            return;
        }
        ByteBuffer bytes = ByteBuffer.wrap(line.getBytes(StandardCharsets.UTF_8));
        try {
            // One write call per line: with O_APPEND the kernel places it whole at the file's end.
            while (bytes.hasRemaining()) {
                file.write(bytes);
            }
        } catch (IOException e) {
            throw new java.io.UncheckedIOException("Could not write the execution's log " + id, e);
        }
    }
}
