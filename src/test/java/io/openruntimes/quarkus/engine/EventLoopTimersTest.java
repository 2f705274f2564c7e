package io.openruntimes.quarkus.engine;

import static org.junit.jupiter.api.Assertions.assertInstanceOf;

import io.quarkus.test.junit.QuarkusTest;
import io.smallrye.faulttolerance.ExecutorHolder;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

/** Fault Tolerance must find our timer: if an upgrade bypasses the alternative, this says so. */
@QuarkusTest
class EventLoopTimersTest {

    @Inject
    ExecutorHolder holder;

    @Test
    void faultToleranceSchedulesDeadlinesOnTheEventLoops() {
        assertInstanceOf(EventLoopTimer.class, holder.getTimer());
    }
}
