package io.openruntimes.quarkus.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** What is admitted, what is refused and why, and that a permit gives its room back once. */
class AdmissionTest {

    private static final long MIB = 1024 * 1024;

    @Test
    void admitsUpToTheExecutionLimitThenRefusesNamingIt() {
        Admission admission = new Admission(100, 2);
        assertInstanceOf(Admission.Permit.class, admission.admit(10));
        assertInstanceOf(Admission.Permit.class, admission.admit(10));
        Admission.Refusal refusal = assertInstanceOf(Admission.Refusal.class, admission.admit(0));
        assertEquals("The runtime is running its limit of 2 executions at once: retry later", refusal.message());
        assertEquals(1, refusal.retryAfterSeconds());
        assertEquals(2, admission.executionsInFlight());
        assertEquals(20, admission.bytesInFlight());
    }

    @Test
    void refusesABodyThatDoesNotFitBesideTheOthers() {
        Admission admission = new Admission(100, 10);
        assertInstanceOf(Admission.Permit.class, admission.admit(60));
        assertInstanceOf(Admission.Permit.class, admission.admit(40)); // exactly full
        Admission.Refusal refusal = assertInstanceOf(Admission.Refusal.class, admission.admit(1));
        assertEquals("The runtime holds its limit of request bodies in flight (100 bytes; 100 in use, this one is 1): retry later",
                refusal.message());
        assertEquals(100, admission.bytesInFlight());
    }

    @Test
    void anExecutionAloneIsAdmittedWhateverItsSize() {
        Admission admission = new Admission(100, 10);
        assertInstanceOf(Admission.Permit.class, admission.admit(500));
        assertInstanceOf(Admission.Refusal.class, admission.admit(1));
    }

    @Test
    void releaseGivesTheRoomBackOnceOnly() {
        Admission admission = new Admission(100, 2);
        Admission.Permit first = (Admission.Permit) admission.admit(70);
        Admission.Permit second = (Admission.Permit) admission.admit(30);
        first.release();
        first.release();
        assertEquals(1, admission.executionsInFlight());
        assertEquals(30, admission.bytesInFlight());
        assertInstanceOf(Admission.Permit.class, admission.admit(70));
        second.release();
        assertEquals(70, admission.bytesInFlight());
    }

    @Test
    void anUnknownOrNegativeLengthReservesNothing() {
        Admission admission = new Admission(0, 3);
        assertInstanceOf(Admission.Permit.class, admission.admit(-1));
        assertInstanceOf(Admission.Permit.class, admission.admit(0));
        assertEquals(0, admission.bytesInFlight());
    }

    @Test
    void awaitIdleWaitsForTheLastPermit() throws InterruptedException {
        Admission admission = new Admission(100, 2);
        Admission.Permit permit = (Admission.Permit) admission.admit(1);
        assertFalse(admission.awaitIdle(20));
        Thread releaser = new Thread(() -> {
            try {
                Thread.sleep(50);
            } catch (InterruptedException ignored) {
                // release now
            }
            permit.release();
        });
        releaser.start();
        assertTrue(admission.awaitIdle(5_000));
        releaser.join();
    }

    @ParameterizedTest(name = "max heap {0} MiB: {1} bytes and {2} executions")
    @CsvSource({
        // heap MiB, bytes in flight, executions: an eighth of the heap, one execution per 2 MiB
        "358,  46923776, 179", // start.sh's 70% of a 512 MiB container
        "1024, 134217728, 512",
        "1,    131072,    1"})
    void defaultsAreDerivedFromTheMaxHeap(long heapMib, long bytes, int executions) {
        assertEquals(bytes, Admission.defaultBytes(heapMib * MIB));
        assertEquals(executions, Admission.defaultExecutions(heapMib * MIB));
    }

    @Test
    void limitsMustAdmitSomething() {
        assertThrows(IllegalArgumentException.class, () -> new Admission(100, 0));
        assertThrows(IllegalArgumentException.class, () -> new Admission(-1, 1));
    }
}
