package io.cpabench.latency;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.cpabench.workload.Step;
import io.cpabench.workload.Task;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/** Real clock, but only lower bounds are asserted: a slow machine can make them true, never false. */
class OpenLoopDriverTest {
    private static final Task[] TASKS = {new Task(0, Step.compute(10)), new Task(1, Step.compute(20))};
    private static final long[] EXPECTED = {7, 11};

    /**
     * A server that answers on the caller's thread, as SEQUENTIAL does, and stalls 60 ms on the third
     * request: the generator cannot send during the stall, yet the requests due meanwhile are charged
     * from their due time, so many requests see most of the stall, not just the one that hit it.
     */
    @Test
    void aServerStallingTheGeneratorIsChargedToEveryRequestDueDuringIt() throws InterruptedException {
        AtomicInteger calls = new AtomicInteger();
        OpenLoopDriver.Server inline = (task, c) -> {
            if (calls.incrementAndGet() == 3) {
                sleep(60);
            }
            c.done(EXPECTED[task.id()]);
        };
        OpenLoopDriver d = new OpenLoopDriver(inline, TASKS, EXPECTED, 1000);
        d.startIteration();
        for (int i = 0; i < 100; i++) {
            assertThat(d.arrive()).isEqualTo(i);
        }
        LatencySnapshot s = d.endIteration(Duration.ofSeconds(5));
        assertThat(s.count()).isEqualTo(100);
        assertThat(s.maxMs()).isGreaterThanOrEqualTo(59.0);
        // ≥ 50 requests were due during the 60 ms stall and sent after it: each waited ≥ 10 ms.
        assertThat(d.recorder().corrected().getCountBetweenValues(10_000_000, Long.MAX_VALUE)).isGreaterThanOrEqualTo(45);
        // From their real send time none of them waited.
        assertThat(d.recorder().uncorrected().getCountBetweenValues(10_000_000, Long.MAX_VALUE)).isEqualTo(1);
    }

    @Test
    void wrongAnswersAndUnansweredRequestsFailTheIteration() {
        OpenLoopDriver wrong = new OpenLoopDriver((t, c) -> c.done(-1), TASKS, EXPECTED, 10_000);
        wrong.startIteration();
        wrong.arrive();
        assertThatThrownBy(() -> wrong.endIteration(Duration.ofSeconds(1))).hasMessageContaining("returned -1");

        OpenLoopDriver silent = new OpenLoopDriver((t, c) -> {}, TASKS, EXPECTED, 10_000);
        silent.startIteration();
        silent.arrive();
        assertThatThrownBy(() -> silent.endIteration(Duration.ofMillis(20))).hasMessageContaining("1 of 1 requests still unanswered");
    }

    @Test
    void requestsCycleThroughTheTasks() throws InterruptedException {
        int[] seen = new int[2];
        OpenLoopDriver d = new OpenLoopDriver((t, c) -> {
            seen[t.id()]++;
            c.done(EXPECTED[t.id()]);
        }, TASKS, EXPECTED, 20_000);
        d.startIteration();
        for (int i = 0; i < 10; i++) {
            d.arrive();
        }
        d.endIteration(Duration.ofSeconds(1));
        assertThat(seen).containsExactly(5, 5);
    }

    private static void sleep(long ms) {
        try {
            Thread.sleep(ms);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

}
