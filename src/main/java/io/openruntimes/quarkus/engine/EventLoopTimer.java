package io.openruntimes.quarkus.engine;

import io.smallrye.faulttolerance.core.timer.Timer;
import io.smallrye.faulttolerance.core.timer.TimerTask;
import io.vertx.core.Vertx;
import java.util.concurrent.Executor;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * SmallRye Fault Tolerance's timer, on Vert.x's event-loop timers instead of a thread of its own.
 *
 * <p>Every execution schedules its deadline and, almost always, cancels it a moment later.
 * Fault Tolerance's own timer wakes its thread on every schedule: at tens of thousands of
 * executions a second those wake-ups cost about as much CPU as the whole function call. The
 * guard schedules from the event loop that runs the request, where a Vert.x timer is a queue
 * insert on the same thread, and a cancel from another thread is queued without waking it.
 * A task that fires still runs on the executor Fault Tolerance asked for, never on the loop.
 */
final class EventLoopTimer implements Timer {

    private static final AtomicInteger IDS = new AtomicInteger();

    private final int id = IDS.incrementAndGet();
    private final Vertx vertx;
    private final Executor defaultExecutor;
    private final AtomicInteger scheduled = new AtomicInteger();

    EventLoopTimer(Vertx vertx, Executor defaultExecutor) {
        this.vertx = vertx;
        this.defaultExecutor = defaultExecutor;
    }

    @Override
    public int getId() {
        return id;
    }

    @Override
    public TimerTask schedule(long delayInMillis, Runnable task) {
        return schedule(delayInMillis, task, null);
    }

    @Override
    public TimerTask schedule(long delayInMillis, Runnable task, Executor executor) {
        Task timerTask = new Task(task, executor == null ? defaultExecutor : executor);
        scheduled.incrementAndGet();
        // Vert.x refuses a delay under 1 ms; Fault Tolerance may ask for 0 (run as soon as possible).
        timerTask.timerId = vertx.setTimer(Math.max(1, delayInMillis), ignored -> timerTask.fire());
        return timerTask;
    }

    @Override
    public int countScheduledTasks() {
        return scheduled.get();
    }

    @Override
    public void shutdown() {
        // The timers belong to Vert.x, which Quarkus closes; a task left pending never fires after that.
    }

    private final class Task implements TimerTask {
        private static final int NEW = 0, RUNNING = 1, DONE = 2, CANCELLED = 3;

        private final Runnable runnable;
        private final Executor executor;
        private final AtomicInteger state = new AtomicInteger(NEW);
        private volatile long timerId;

        Task(Runnable runnable, Executor executor) {
            this.runnable = runnable;
            this.executor = executor;
        }

        void fire() {
            if (state.compareAndSet(NEW, RUNNING)) {
                scheduled.decrementAndGet();
                executor.execute(() -> {
                    try {
                        runnable.run();
                    } finally {
                        state.set(DONE);
                    }
                });
            }
        }

        @Override
        public boolean isDone() {
            int now = state.get();
            return now == DONE || now == CANCELLED;
        }

        @Override
        public boolean cancel() {
            if (state.compareAndSet(NEW, CANCELLED)) {
                scheduled.decrementAndGet();
                vertx.cancelTimer(timerId);
                return true;
            }
            return false;
        }
    }
}
