package io.cpabench.bench;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** Which cases are cut short and which run to their end: semantics only, no timing. */
class CancelCaseTest {
    @ParameterizedTest
    @EnumSource(CancelCase.class)
    void cutShortOnlyWhereTheModelCanStopTheWork(CancelCase c) throws InterruptedException {
        assumeTrue(c.unavailableReason() == null, c::unavailableReason);
        // The event-loop task is cut short too, but only at its await, after its compute step.
        boolean stoppable = c == CancelCase.PLATFORM_THREAD_CHECKS_INTERRUPT || c == CancelCase.VIRTUAL_THREAD_BLOCKED
                || c == CancelCase.EVENT_LOOP;
        // Work that can be stopped is made endless, so that the cancel always lands before its end
        // however slow the machine; work that runs to its end is kept short (a count below 400 000).
        boolean endless = stoppable && c != CancelCase.EVENT_LOOP;
        try (CancelTarget t = c.openChecked(endless ? Long.MAX_VALUE : 400_000, 60_000_000_000L)) {
            for (int i = 0; i < 3; i++) {
                t.start();
                assertThat(t.cancelAndAwaitStop()).as(c + " cut short").isEqualTo(stoppable);
            }
        }
    }
}
