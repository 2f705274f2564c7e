package io.openruntimes.quarkus.engine;

import jakarta.inject.Inject;
import jakarta.inject.Singleton;
import java.util.concurrent.atomic.AtomicBoolean;
import org.jboss.logging.Logger;

/**
 * Bounds what is in flight: request-body bytes and executions. An edge asks before it reads a
 * body; what does not fit is refused at once, so the heap never has to decide.
 *
 * <p>A body costs the heap several times its size while it is read and decoded (the read buffer,
 * its copy, the parser's characters, the payload string), before the function makes anything of
 * it; hence a byte budget of an eighth of the heap by default. An execution that finds nothing
 * else in flight is always admitted, whatever its size: a budget below the body limit must not
 * refuse a body forever.
 */
@Singleton
public class Admission {

    private static final Logger LOG = Logger.getLogger(Admission.class);
    private static final long MIB = 1024 * 1024;
    /** Seconds a refused caller is told to wait: executions are usually short. */
    public static final int RETRY_AFTER_SECONDS = 1;

    /** What {@link #admit} answers: a {@link Permit} to run, or a {@link Refusal}. */
    public sealed interface Decision permits Permit, Refusal {
    }

    /** Room for one execution; give it back with {@link #release()} (more than once is harmless). */
    public final class Permit implements Decision {
        private final long bytes;
        private final AtomicBoolean released = new AtomicBoolean();

        private Permit(long bytes) {
            this.bytes = bytes;
        }

        public void release() {
            if (released.compareAndSet(false, true)) {
                synchronized (Admission.this) {
                    bytesInFlight -= bytes;
                    executionsInFlight--;
                    Admission.this.notifyAll();
                }
            }
        }
    }

    /** Not now: the message says which limit, for the error schema; retry after {@code retryAfterSeconds}. */
    public record Refusal(String message, int retryAfterSeconds) implements Decision {
    }

    private final long maxBytes;
    private final int maxExecutions;
    private long bytesInFlight;
    private int executionsInFlight;

    @Inject
    public Admission(LimitsConfig config) {
        this(config.maxInflightBytes().map(size -> size.asLongValue()).orElse(defaultBytes(Runtime.getRuntime().maxMemory())),
                config.maxConcurrentExecutions().orElse(defaultExecutions(Runtime.getRuntime().maxMemory())));
        LOG.infof("At most %d executions and %d MiB of request bodies in flight (max heap %d MiB)",
                maxExecutions, maxBytes / MIB, Runtime.getRuntime().maxMemory() / MIB);
    }

    public Admission(long maxBytes, int maxExecutions) {
        if (maxBytes < 0 || maxExecutions < 1) {
            throw new IllegalArgumentException("in-flight limits must be >= 0 bytes and >= 1 execution, not "
                    + maxBytes + " and " + maxExecutions);
        }
        this.maxBytes = maxBytes;
        this.maxExecutions = maxExecutions;
    }

    static long defaultBytes(long maxHeap) {
        return maxHeap / 8;
    }

    static int defaultExecutions(long maxHeap) {
        return (int) Math.max(1, Math.min(Integer.MAX_VALUE, maxHeap / (2 * MIB)));
    }

    /**
     * Admits an execution whose body is {@code bodyBytes} long (its declared length; for a body of
     * unknown length, the most it may be), or refuses it. Never blocks.
     */
    public Decision admit(long bodyBytes) {
        long bytes = Math.max(0, bodyBytes);
        synchronized (this) {
            if (executionsInFlight >= maxExecutions) {
                return new Refusal("The runtime is running its limit of " + maxExecutions
                        + " executions at once: retry later", RETRY_AFTER_SECONDS);
            }
            if (executionsInFlight > 0 && bytesInFlight + bytes > maxBytes) {
                return new Refusal("The runtime holds its limit of request bodies in flight (" + maxBytes + " bytes; "
                        + bytesInFlight + " in use, this one is " + bytes + "): retry later", RETRY_AFTER_SECONDS);
            }
            executionsInFlight++;
            bytesInFlight += bytes;
        }
        return new Permit(bytes);
    }

    public synchronized int executionsInFlight() {
        return executionsInFlight;
    }

    public synchronized long bytesInFlight() {
        return bytesInFlight;
    }

    /** Waits until no execution holds a permit, or {@code millis} pass; whether none does. */
    public synchronized boolean awaitIdle(long millis) throws InterruptedException {
        long deadline = System.nanoTime() + millis * 1_000_000;
        for (long left = millis; executionsInFlight > 0 && left > 0; left = (deadline - System.nanoTime()) / 1_000_000) {
            wait(left);
        }
        return executionsInFlight == 0;
    }
}
