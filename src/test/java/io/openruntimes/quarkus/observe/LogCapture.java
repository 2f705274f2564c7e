package io.openruntimes.quarkus.observe;

import io.openruntimes.quarkus.engine.ExecutionIds;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Predicate;
import java.util.logging.Handler;
import java.util.logging.LogRecord;
import org.jboss.logmanager.ExtLogRecord;
import org.jboss.logmanager.LogContext;

/** The log records the running Quarkus app writes while a test watches, with their execution id. */
public final class LogCapture extends Handler implements AutoCloseable {

    public record Line(String category, String level, String message, String execution) {
    }

    private final List<Line> lines = new CopyOnWriteArrayList<>();

    public static LogCapture start() {
        LogCapture capture = new LogCapture();
        LogContext.getLogContext().getLogger("").addHandler(capture);
        return capture;
    }

    @Override
    public void publish(LogRecord record) {
        // Read on the logging thread: the MDC is that thread's.
        String execution = record instanceof ExtLogRecord ext ? ext.getMdc(ExecutionIds.MDC_KEY) : null;
        String message = record instanceof ExtLogRecord ext ? ext.getFormattedMessage() : record.getMessage();
        lines.add(new Line(record.getLoggerName(), record.getLevel().getName(), message, execution));
    }

    public List<Line> lines(Predicate<Line> which) {
        return lines.stream().filter(which).toList();
    }

    /** Waits up to 5 s for {@code count} lines matching {@code which}: access lines follow the answer. */
    public List<Line> await(Predicate<Line> which, int count) throws InterruptedException {
        long end = System.nanoTime() + Duration.ofSeconds(5).toNanos();
        while (lines(which).size() < count && System.nanoTime() < end) {
            Thread.sleep(20);
        }
        return lines(which);
    }

    @Override
    public void flush() {
    }

    @Override
    public void close() {
        LogContext.getLogContext().getLogger("").removeHandler(this);
    }
}
