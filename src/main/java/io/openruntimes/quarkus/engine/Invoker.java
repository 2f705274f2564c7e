package io.openruntimes.quarkus.engine;

import io.quarkus.runtime.ShutdownDelayInitiatedEvent;
import io.smallrye.faulttolerance.api.TypedGuard;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.util.TypeLiteral;
import jakarta.inject.Singleton;
import java.nio.file.Path;
import java.time.Duration;
import java.time.temporal.ChronoUnit;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.eclipse.microprofile.faulttolerance.exceptions.TimeoutException;
import org.jboss.logging.Logger;

/**
 * Runs executions of the function: each on a thread of its own, under a deadline.
 *
 * <p>A SmallRye Fault Tolerance guard does both: it offloads the call to the function pool and
 * fails the execution when its deadline passes, whether or not the function returns. The
 * function's thread is then interrupted; a function that ignores the interrupt keeps its
 * (daemon) thread, and every other execution goes on on other threads.
 */
@Singleton
public class Invoker {

    private static final Logger LOG = Logger.getLogger(Invoker.class);
    private static final TypeLiteral<CompletionStage<Object>> STAGE = new TypeLiteral<>() {
    };
    /** Deadlines usually repeat (one per function); past this many distinct ones, start over. */
    private static final int MAX_GUARDS = 64;

    /** The entry class, below whose {@code main} stack traces are cut: the configured one, then the one loaded. */
    private volatile String entrypointClass;
    private final Duration ceiling;
    private final ExecutorService pool = Executors.newCachedThreadPool(new FunctionThreads());
    private final ConcurrentMap<Long, TypedGuard<CompletionStage<Object>>> guards = new ConcurrentHashMap<>();
    /** Set on SIGTERM; from {@link #refuseFrom} (System.nanoTime()) on, new executions are refused. */
    private volatile boolean stopping;
    private volatile long refuseFrom;
    /** The answers not given yet: {@link #failInFlight} gives them when the process must stop now. */
    private final Set<CompletableFuture<?>> inFlight = ConcurrentHashMap.newKeySet();
    private volatile boolean exiting;
    private final HeapGuard heap;

    public Invoker(FunctionConfig config, HeapGuard heap) {
        this.ceiling = config.timeout();
        this.entrypointClass = config.className().orElse(null);
        this.heap = heap;
    }

    /**
     * The function with the {@code main} a protocol calls, logging which function this process
     * serves or why it cannot: dev mode's source when dev tools are given at start; else a built
     * function folder in a class loader of its own when one is configured, else the configured
     * entry class from the runtime's own class path, either loaded once.
     */
    public FunctionSource load(FunctionConfig config, MainSignature signature) {
        ClassLoader runtime = Invoker.class.getClassLoader();
        if (config.devTools().isPresent()) {
            LOG.infof("Serving the function through the dev tools in %s", config.devTools().get());
            return DevTools.load(config.devTools().get(), signature, runtime);
        }
        FunctionEntrypoint entrypoint = config.dir()
                .map(dir -> BuiltFunction.load(dir, config.startEntrypoint(), runtime, signature))
                .orElseGet(() -> EntrypointAtStart.load(config, Thread.currentThread().getContextClassLoader(), signature));
        if (entrypoint.className() != null) {
            entrypointClass = entrypoint.className();
        }
        if (entrypoint.available()) {
            LOG.infof("Serving %s (from %s)", entrypoint.className(), config.dir().map(Path::toString).orElse(config.entrypoint()));
        } else {
            LOG.errorf("Entrypoint unavailable, every execution will say so: %s", entrypoint.problem());
        }
        return FunctionSource.fixed(entrypoint);
    }

    /**
     * Runs one execution. The stage completes with what {@code work} returned, or with an
     * {@link ExecutionFailure} saying why there is nothing: it threw, returned {@code null}, ran
     * past its deadline, or the process is stopping.
     *
     * @param id the execution's id: every line logged while the function runs carries it (MDC)
     * @param timeout the executor's deadline, or {@code null} for the ceiling; never more than it
     */
    @SuppressWarnings("unchecked")
    public <T> CompletionStage<T> invoke(String id, FunctionCall<T> work, Duration timeout) {
        if (stopping && System.nanoTime() - refuseFrom >= 0) {
            return CompletableFuture.failedFuture(new ExecutionFailure(ExecutionFailure.Kind.SHUTTING_DOWN,
                    "The runtime is shutting down: running executions finish, new ones are refused"));
        }
        Duration deadline = timeout == null || timeout.compareTo(ceiling) > 0 ? ceiling : timeout;
        Call call = new Call(id, work);
        CompletableFuture<T> answer = new CompletableFuture<>();
        inFlight.add(answer);
        guard(deadline).get(call::run).whenComplete((response, error) -> {
            inFlight.remove(answer);
            if (error == null) {
                answer.complete((T) response);
                return;
            }
            Throwable cause = ExecutionFailure.unwrap(error);
            answer.completeExceptionally(cause instanceof TimeoutException ? call.timedOut(deadline) : cause);
        });
        return answer;
    }

    /**
     * Fails every execution not answered yet with {@code failure}, at once: for when the process
     * ends before they can finish (a function called System.exit). Returns how many there were.
     */
    public int failInFlight(ExecutionFailure failure) {
        int failed = 0;
        for (CompletableFuture<?> answer : inFlight) {
            if (answer.completeExceptionally(failure)) {
                failed++;
            }
            inFlight.remove(answer);
        }
        return failed;
    }

    private TypedGuard<CompletionStage<Object>> guard(Duration deadline) {
        long millis = Math.max(1, deadline.toMillis());
        TypedGuard<CompletionStage<Object>> guard = guards.get(millis);
        if (guard == null) {
            if (guards.size() >= MAX_GUARDS) {
                guards.clear();
            }
            guard = guards.computeIfAbsent(millis, ms -> TypedGuard.create(STAGE)
                    .withDescription("function deadline " + ms + " ms")
                    .withThreadOffload(true)
                    .withThreadOffloadExecutor(pool)
                    .withTimeout().duration(ms, ChronoUnit.MILLIS).done()
                    .build());
        }
        return guard;
    }

    /**
     * SIGTERM. Readiness is DOWN from now on; during quarkus.shutdown.delay (none unless configured) a
     * load balancer may still send executions, and they run. After it, new executions are refused
     * while running ones get quarkus.shutdown.timeout to finish (Quarkus waits for their requests).
     */
    void stopAccepting(@Observes ShutdownDelayInitiatedEvent event,
            @ConfigProperty(name = "quarkus.shutdown.delay") Optional<Duration> delay) {
        refuseFrom = System.nanoTime() + delay.map(Duration::toNanos).orElse(0L);
        stopping = true;
        LOG.infof("Shutting down: new executions are refused after %s", delay.map(Duration::toString).orElse("no delay"));
    }

    /**
     * The process is ending by a call to exit (a function's, or the heap guard's): its shutdown
     * will not wait for the function threads. One of them may be the caller, which never returns.
     */
    void exiting() {
        exiting = true;
    }

    /** Gives running executions a moment to finish, then interrupts them; runaways cannot block exit. */
    @PreDestroy
    void shutdown() {
        pool.shutdown();
        if (exiting) {
            LOG.info("Not waiting for the function threads: the process is ending by a call to exit");
            pool.shutdownNow();
            return;
        }
        try {
            if (!pool.awaitTermination(1, TimeUnit.SECONDS)) {
                pool.shutdownNow();
            }
        } catch (InterruptedException e) {
            pool.shutdownNow();
            Thread.currentThread().interrupt();
        }
    }

    /** One execution on its function thread; knows that thread while, and only while, it runs. */
    private final class Call {

        private final String id;
        private final FunctionCall<?> work;
        private Thread thread;
        private boolean finished;

        Call(String id, FunctionCall<?> work) {
            this.id = id;
            this.work = work;
        }

        CompletionStage<Object> run() {
            synchronized (this) {
                if (finished) { // the deadline passed before a thread picked the call up
                    return CompletableFuture.failedFuture(new IllegalStateException("cancelled"));
                }
                thread = Thread.currentThread();
            }
            Object mark = ExecutionIds.mark(id);
            try {
                Object response = work.call();
                if (response == null) {
                    return CompletableFuture.failedFuture(
                            new ExecutionFailure(ExecutionFailure.Kind.NO_RESPONSE, "The function returned no response"));
                }
                return CompletableFuture.completedFuture(response);
            } catch (ExecutionFailure failure) {
                return CompletableFuture.failedFuture(failure);
            } catch (Throwable thrown) {
                if (thrown instanceof OutOfMemoryError) {
                    heap.outOfMemory(thrown); // this execution's failure; whether the process can go on is the guard's call
                }
                String trace = StackTraces.format(thrown, entrypointClass);
                // The operator's copy, once: the caller gets the same trace in the protocol's error form.
                LOG.errorf("The function threw: %s", trace);
                return CompletableFuture.failedFuture(new ExecutionFailure(ExecutionFailure.Kind.FUNCTION_THREW, trace));
            } finally {
                ExecutionIds.restore(mark);
                synchronized (this) {
                    finished = true;
                    thread = null;
                }
                // An interrupt sent as the deadline passed must not leak into the next call on this thread.
                Thread.interrupted();
            }
        }

        /** Records where the function was, interrupts it, and says so. */
        synchronized ExecutionFailure timedOut(Duration deadline) {
            StringBuilder message = new StringBuilder("Execution timed out after ")
                    .append(seconds(deadline)).append(" (the execution's timeout).");
            if (thread != null) {
                message.append(" The function was at:\n")
                        .append(StackTraces.format(thread.getStackTrace(), entrypointClass));
                thread.interrupt();
                ExecutionIds.log(id, LOG, Logger.Level.WARN,
                        "Execution timed out after " + seconds(deadline) + "; interrupted " + thread.getName());
            }
            finished = true;
            return new ExecutionFailure(ExecutionFailure.Kind.TIMED_OUT, message.toString());
        }
    }

    private static String seconds(Duration duration) {
        double seconds = duration.toMillis() / 1000.0;
        String number = seconds == Math.rint(seconds) ? Long.toString((long) seconds) : Double.toString(seconds);
        return number + (seconds == 1 ? " second" : " seconds");
    }

    /** Daemon threads: a function that never returns must not keep the JVM alive after SIGTERM. */
    private static final class FunctionThreads implements ThreadFactory {
        private final AtomicInteger count = new AtomicInteger();

        @Override
        public Thread newThread(Runnable task) {
            Thread thread = new Thread(task, "function-" + count.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        }
    }
}
