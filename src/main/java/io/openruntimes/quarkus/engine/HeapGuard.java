package io.openruntimes.quarkus.engine;

import jakarta.inject.Singleton;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.lang.management.MemoryUsage;
import java.util.Comparator;
import java.util.concurrent.Semaphore;
import org.jboss.logging.Logger;

/**
 * Decides whether the process survives a function's OutOfMemoryError.
 *
 * <p>The error is that execution's failure (the Invoker answers it); what the function allocated
 * is garbage once its stack unwinds, and the heap is as good as before. Unless the function kept
 * it (a static cache that only grows): then every execution after it fails too, and the process
 * is better replaced. So after an OutOfMemoryError this guard collects and reads the old
 * generation's usage after collection; if that stays above {@code openruntimes.heap-unrecoverable-above}
 * of its maximum over {@value #CHECKS} full collections a second apart (executions running beside
 * it get the time to finish and let go of theirs), it logs why and exits with status 3, the
 * status -XX:+ExitOnOutOfMemoryError would have given. The exit runs the shutdown hooks, so the
 * executions still in flight are answered ({@link FunctionExit}); a hook stuck for want of memory
 * cannot hold the process past {@value #HALT_AFTER_MILLIS} ms.
 */
@Singleton
public class HeapGuard {

    private static final Logger LOG = Logger.getLogger(HeapGuard.class);
    static final int CHECKS = 3;
    static final long HALT_AFTER_MILLIS = 10_000;
    static final int EXIT_STATUS = 3;
    private static final long MIB = 1024 * 1024;

    private final double unrecoverableAbove;
    private final MemoryPoolMXBean oldGeneration = oldGeneration();
    /** Raised by an OutOfMemoryError; the check thread takes it. Several errors in a row make one check. */
    private final Semaphore errors = new Semaphore(0);

    public HeapGuard(LimitsConfig config) {
        this.unrecoverableAbove = config.heapUnrecoverableAbove();
        // Started now: when the heap is full, starting a thread may be what fails.
        Thread checker = new Thread(this::checkAfterEachError, "heap-check");
        checker.setDaemon(true);
        checker.start();
    }

    /** A function ran out of heap; the check runs off the function's thread, which answers at once. */
    void outOfMemory(Throwable error) {
        errors.release();
    }

    private void checkAfterEachError() {
        while (true) {
            try {
                errors.acquire();
                check();
                errors.drainPermits(); // the errors that happened during the check are covered by it
            } catch (InterruptedException e) {
                return;
            } catch (Throwable unexpected) {
                LOG.error("The heap check failed", unexpected);
            }
        }
    }

    private void check() throws InterruptedException {
        MemoryUsage after = null;
        for (int i = 0; i < CHECKS; i++) {
            if (i > 0) {
                Thread.sleep(1_000);
            }
            System.gc(); // a full collection with the collectors start.sh picks: the usage after it is what lives
            after = oldGeneration.getCollectionUsage();
            if (after == null || !above(after)) {
                LOG.warnf("A function ran out of heap; the heap recovered (%s after a full collection)", describe(after));
                return;
            }
        }
        try {
            LOG.errorf("The heap cannot recover: after an OutOfMemoryError and %d full collections, %s still holds %s,"
                    + " above %.0f%% of it (openruntimes.heap-unrecoverable-above). The function keeps what it allocates"
                    + " (a cache that only grows?); exiting with status %d so that a fresh process takes over",
                    CHECKS, oldGeneration.getName(), describe(after), unrecoverableAbove * 100, EXIT_STATUS);
        } finally {
            exit(); // even when the heap is too full to log
        }
    }

    private boolean above(MemoryUsage usage) {
        return usage.getUsed() > unrecoverableAbove * max(usage);
    }

    private static long max(MemoryUsage usage) {
        return usage.getMax() > 0 ? usage.getMax() : Runtime.getRuntime().maxMemory();
    }

    private static String describe(MemoryUsage usage) {
        return usage == null ? "no usage reported"
                : usage.getUsed() / MIB + " of " + max(usage) / MIB + " MiB";
    }

    private static void exit() {
        try {
            startHaltTimer();
        } catch (Throwable noThread) {
            Runtime.getRuntime().halt(EXIT_STATUS); // no room even for a thread: no hook could run either
        }
        System.exit(EXIT_STATUS);
    }

    private static void startHaltTimer() {
        Thread halt = new Thread(() -> {
            try {
                Thread.sleep(HALT_AFTER_MILLIS);
            } catch (InterruptedException ignored) {
                // halt anyway
            }
            Runtime.getRuntime().halt(EXIT_STATUS);
        }, "heap-exit-halt");
        halt.setDaemon(true);
        halt.start();
    }

    /**
     * The heap pool that holds what survives collections: the old generation for the generational
     * collectors (Serial's "Tenured Gen", G1's and Parallel's "Old Gen"), else the largest heap pool.
     */
    private static MemoryPoolMXBean oldGeneration() {
        return ManagementFactory.getMemoryPoolMXBeans().stream()
                .filter(pool -> pool.getType() == MemoryType.HEAP && pool.isCollectionUsageThresholdSupported())
                .max(Comparator.comparing((MemoryPoolMXBean pool) -> pool.getName().matches(".*(Old|Tenured).*"))
                        .thenComparingLong(pool -> pool.getUsage().getMax()))
                .orElseThrow(() -> new IllegalStateException("the JVM reports no collected heap pool"));
    }
}
