package io.openruntimes.quarkus.observe;

import io.openruntimes.quarkus.engine.ExecutionIds;
import jakarta.inject.Singleton;
import java.util.Optional;
import org.jboss.logging.Logger;

/**
 * Where each edge reports an ended execution: the access log's line and the metrics.
 *
 * <p>The line is this runtime's own rather than Quarkus's access log: it names the execution's id
 * and outcome, which only the edge knows, and it is written for executions only (never health
 * checks or metrics scrapes). It goes to the {@code access} category, whose level an operator
 * can also set (QUARKUS_LOG_CATEGORY__ACCESS__LEVEL).
 */
@Singleton
public class ExecutionObserver {

    private static final Logger ACCESS = Logger.getLogger("access");

    private final Optional<Boolean> configured;
    private final ExecutionMetrics metrics;
    /** Off until {@link #accessLogByDefault}: no line before the edge that speaks is known. */
    private volatile boolean accessLog;

    public ExecutionObserver(ObserveConfig config, ExecutionMetrics metrics) {
        this.configured = config.accessLog();
        this.metrics = metrics;
    }

    /**
     * The active edge's default for the access line, which OPENRUNTIMES_ACCESS_LOG overrides; told
     * once, at start, by the protocol switch, before the server listens.
     */
    public void accessLogByDefault(boolean on) {
        accessLog = configured.orElse(on);
    }

    /** Whether ended executions are wanted at all: if not, an edge need not watch them. */
    public boolean watching() {
        return accessLog || metrics.on();
    }

    /**
     * One execution ended: answered ({@code status} sent) or its connection closed first
     * ({@code status} 0). Called once per execution, on its event loop.
     */
    public void ended(String id, String method, String path, int status, Outcome outcome, long nanos, long bytesIn,
            long bytesOut) {
        if (metrics.on()) {
            metrics.record(outcome, nanos, bytesIn, bytesOut);
        }
        if (accessLog && ACCESS.isInfoEnabled()) {
            String line = line(method, path, status, outcome, nanos, bytesIn, bytesOut);
            ExecutionIds.log(id, ACCESS, Logger.Level.INFO, line);
        }
    }

    /**
     * {@code POST / 200 answered 1.92 ms, 37 B in, 21 B out}, built by hand: String.format's
     * parsing was most of the line's cost at tens of thousands of executions a second.
     */
    static String line(String method, String path, int status, Outcome outcome, long nanos, long bytesIn, long bytesOut) {
        long hundredths = (nanos + 5_000) / 10_000; // milliseconds, to two decimals, rounded
        long fraction = hundredths % 100;
        StringBuilder line = new StringBuilder(64 + path.length()).append(method).append(' ').append(path).append(' ');
        if (status == 0) {
            line.append("closed");
        } else {
            line.append(status);
        }
        return line.append(' ').append(outcome.tag()).append(' ').append(hundredths / 100).append('.')
                .append(fraction < 10 ? "0" : "").append(fraction).append(" ms, ").append(bytesIn).append(" B in, ")
                .append(bytesOut).append(" B out").toString();
    }
}
