package io.openruntimes.quarkus.engine;

import io.quarkus.runtime.Startup;
import jakarta.annotation.PreDestroy;
import jakarta.inject.Singleton;
import java.util.Arrays;
import java.util.Map;
import java.util.Optional;
import org.jboss.logging.Logger;

/**
 * When the process ends without SIGTERM: a function calling {@code System.exit}, or the
 * {@link HeapGuard} giving up on the heap.
 *
 * <p>{@code System.exit} cannot be refused on current JDKs (the Security Manager is gone), but
 * it runs the shutdown hooks, and this is one. It finds the thread that called exit (the one
 * whose stack holds {@code Runtime.exit}), and when the caller is not the JDK or the runtime, logs
 * that the function ended the process and from which of its frames. Then it fails the executions
 * in flight with {@link ExecutionFailure.Kind#SHUTTING_DOWN}, which the edges answer (classic: 503),
 * and waits a moment for those answers to be written: the event loops close only after the hooks.
 * The invoker's own shutdown then does not wait for the function threads, as the calling one never
 * ends.
 * On an ordinary shutdown (SIGTERM) it does nothing: running executions get their grace period.
 */
@Startup
@Singleton
public class FunctionExit {

    private static final Logger LOG = Logger.getLogger(FunctionExit.class);
    /** How long the hook waits for the edges to write the 503s. */
    static final long ANSWER_MILLIS = 2_000;
    /** Packages whose call to exit is an ordinary shutdown, not the function's doing. */
    private static final String[] PLATFORM = {"java.", "jdk.", "sun.", "com.sun.", "io.quarkus.", "io.vertx.", "io.netty.",
        "io.smallrye.", "org.jboss."};

    private final Invoker invoker;
    private final Admission admission;
    private final String entrypointClass;
    private final Thread hook = new Thread(this::onExit, "function-exit-check");

    public FunctionExit(Invoker invoker, Admission admission, FunctionConfig config) {
        this.invoker = invoker;
        this.admission = admission;
        this.entrypointClass = config.className().orElse(null);
        Runtime.getRuntime().addShutdownHook(hook);
    }

    /** Dev mode restarts the application in the same JVM: one hook per running application. */
    @PreDestroy
    void removeHook() {
        try {
            Runtime.getRuntime().removeShutdownHook(hook);
        } catch (IllegalStateException exiting) {
            // the JVM is exiting: the hook is running, or has run
        }
    }

    /** The thread that called exit, and the frames below the exit call: the caller first. */
    record ExitCall(Thread thread, StackTraceElement[] callerFrames) {
        String callerClass() {
            return callerFrames.length == 0 ? "" : callerFrames[0].getClassName();
        }
    }

    private void onExit() {
        Optional<ExitCall> found = exitCall(Thread.getAllStackTraces());
        if (found.isEmpty()) {
            return;
        }
        ExitCall exit = found.get();
        String reason;
        if (exit.callerClass().equals(HeapGuard.class.getName())) {
            reason = "the heap cannot recover";
        } else if (byTheFunction(exit.callerClass())) {
            reason = "the function called System.exit";
            LOG.errorf("The function called System.exit on thread %s: the process ends now; this is not an ordinary"
                    + " shutdown. The executions in flight answer 503. The call came from:\n%s",
                    exit.thread().getName(), StackTraces.format(exit.callerFrames(), entrypointClass));
        } else {
            return; // the runtime's own exit (SIGTERM, a failed start): shutdown runs as usual
        }
        invoker.exiting(); // before the answers below: Quarkus's own shutdown waits for them, then stops the invoker
        int failed = invoker.failInFlight(new ExecutionFailure(ExecutionFailure.Kind.SHUTTING_DOWN,
                "The runtime is shutting down: " + reason + "; this execution did not finish"));
        try {
            if (!admission.awaitIdle(ANSWER_MILLIS)) {
                LOG.warnf("%d executions were still being answered when the process ended", admission.executionsInFlight());
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        LOG.infof("Answered %d executions in flight with 503 (%s)", failed, reason);
    }

    /**
     * The thread running the exit, from all threads' stacks: the one inside {@code Runtime.exit}
     * that runs the hooks (others calling exit at the same moment wait on it).
     */
    static Optional<ExitCall> exitCall(Map<Thread, StackTraceElement[]> stacks) {
        ExitCall waiting = null;
        for (Map.Entry<Thread, StackTraceElement[]> entry : stacks.entrySet()) {
            StackTraceElement[] frames = entry.getValue();
            int outermostExit = -1;
            boolean runsHooks = false;
            for (int i = 0; i < frames.length; i++) {
                String type = frames[i].getClassName();
                String method = frames[i].getMethodName();
                if (method.equals("exit") && (type.equals("java.lang.Runtime") || type.equals("java.lang.System")
                        || type.equals("java.lang.Shutdown"))) {
                    outermostExit = i;
                } else if (method.equals("runHooks") && type.equals("java.lang.Shutdown")) {
                    runsHooks = true;
                }
            }
            if (outermostExit < 0) {
                continue;
            }
            ExitCall call = new ExitCall(entry.getKey(), Arrays.copyOfRange(frames, outermostExit + 1, frames.length));
            if (runsHooks) {
                return Optional.of(call);
            }
            waiting = call;
        }
        return Optional.ofNullable(waiting);
    }

    static boolean byTheFunction(String callerClass) {
        if (callerClass.isEmpty() || callerClass.startsWith("io.openruntimes.quarkus.")) {
            return false;
        }
        for (String prefix : PLATFORM) {
            if (callerClass.startsWith(prefix)) {
                return false;
            }
        }
        return true;
    }
}
