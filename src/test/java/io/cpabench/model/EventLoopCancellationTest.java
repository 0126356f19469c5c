package io.cpabench.model;

import static org.assertj.core.api.Assertions.assertThat;

import io.cpabench.workload.Step;
import io.cpabench.workload.Task;
import io.cpabench.workload.Workbench;
import io.cpabench.workload.Workload;
import io.cpabench.workload.WorkloadConfig;
import java.time.Duration;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** Event-loop tasks stop at await points when asked, as asyncio tasks do; nothing after the await runs. */
class EventLoopCancellationTest {
    private static final WorkloadConfig SMALL = new WorkloadConfig(3_000, 64 << 10, 1 << 20, 200, null);

    @AfterEach
    void noThreadLeft() throws InterruptedException {
        assertThat(LiveThreads.awaitNone("cpabench-", Duration.ofSeconds(10))).isEmpty();
    }

    @ParameterizedTest
    @EnumSource(names = {"EVENT_LOOP", "EVENT_LOOP_OFFLOAD", "GIL_EVENT_LOOP_OFFLOAD"})
    void aCancelledTaskStopsAtItsNextAwaitAndNeverFinishes(ExecutionModel model) throws Exception {
        AtomicInteger finished = new AtomicInteger();
        try (Workbench wb = Workload.IO_SLEEP.open(SMALL.withProbe(id -> finished.incrementAndGet()));
                ModelRunner runner = model.open(ModelConfig.of(2), wb)) {
            CompletableFuture<Object> outcome = new CompletableFuture<>();
            runner.submit(new Task(0, Step.compute(2_000), Step.io(200_000), Step.compute(2_000)), new Completion() {
                @Override
                public void done(long result) {
                    outcome.complete(result);
                }

                @Override
                public void failed(Throwable error) {
                    outcome.complete(error);
                }

                @Override
                public boolean cancelRequested() {
                    return true;
                }
            });
            assertThat(outcome.get(10, TimeUnit.SECONDS)).isInstanceOf(CancellationException.class);
            assertThat(finished).hasValue(0);
            // The model is still usable: an uncancelled batch runs to its checksum.
            Task[] tasks = wb.tasks(3);
            assertThat(runner.runBatch(tasks)).isEqualTo(wb.referenceChecksum(tasks));
        }
    }
}
