package io.openruntimes.quarkus.observe;

import io.openruntimes.quarkus.engine.ExecutionIds;
import jakarta.inject.Singleton;
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

    private final boolean accessLog;
    private final ExecutionMetrics metrics;

    public ExecutionObserver(ObserveConfig config, ExecutionMetrics metrics) {
        this.accessLog = config.accessLog();
        this.metrics = metrics;
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
            Object before = ExecutionIds.mark(id);
            try {
                ACCESS.infof("%s %s %s %s %.2f ms, %d B in, %d B out", method, path,
                        status == 0 ? "closed" : Integer.toString(status), outcome.tag(), nanos / 1e6, bytesIn, bytesOut);
            } finally {
                ExecutionIds.restore(before);
            }
        }
    }
}
