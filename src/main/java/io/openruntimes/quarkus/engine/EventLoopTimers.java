package io.openruntimes.quarkus.engine;

import io.smallrye.faulttolerance.AsyncExecutorProvider;
import io.smallrye.faulttolerance.ExecutorHolder;
import io.smallrye.faulttolerance.core.timer.Timer;
import io.vertx.core.Vertx;
import jakarta.annotation.Priority;
import jakarta.enterprise.inject.Alternative;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;

/**
 * Hands Fault Tolerance the {@link EventLoopTimer} in place of its timer thread.
 *
 * <p>{@link ExecutorHolder} is where Fault Tolerance looks up its timer; this alternative bean
 * answers with ours and leaves everything else (the async executor, the event-loop integration)
 * as Fault Tolerance built it. The thread of the timer it builds is started but stays parked.
 */
@Alternative
@Priority(1)
@Singleton
public class EventLoopTimers extends ExecutorHolder {

    private final Timer timer;

    @Inject
    public EventLoopTimers(AsyncExecutorProvider asyncExecutorProvider, Vertx vertx) {
        super(asyncExecutorProvider);
        this.timer = new EventLoopTimer(vertx, getAsyncExecutor());
    }

    @Override
    public Timer getTimer() {
        return timer;
    }
}
