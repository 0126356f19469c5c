package io.cpabench.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.cpabench.workload.Sharing;
import io.cpabench.workload.Task;
import io.cpabench.workload.Workbench;
import io.cpabench.workload.Workload;
import io.cpabench.workload.WorkloadConfig;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicIntegerArray;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every model on every setting of the contended workloads (ExecutionModelTest covers their defaults):
 * SHARED_LOCK with nothing, some and all of each task under the lock, SHARED_COUNTER with every
 * sharing, NATIVE. Three batches each: every task exactly once, the reference checksum (which, for
 * SHARED_COUNTER, covers the counters), no thread left behind, and no deadlock between the GIL and
 * the shared lock (the batch would time out).
 */
class ContendedWorkloadsTest {
    private static final int TASKS = 23;
    private static final int WORKERS = 3;
    private static final WorkloadConfig SMALL = new WorkloadConfig(3_000, 64, 0, 200, null);

    @AfterEach
    void noThreadLeft() throws InterruptedException {
        assertThat(LiveThreads.awaitNone("cpabench-", Duration.ofSeconds(10))).isEmpty();
    }

    static Stream<Arguments> everyModelAndSetting() {
        List<WorkloadConfig> lock = List.of(SMALL.withContention(0, Sharing.NONE), SMALL.withContention(30, Sharing.NONE),
                SMALL.withContention(100, Sharing.NONE));
        List<Arguments> all = new ArrayList<>();
        for (ExecutionModel m : ExecutionModel.values()) {
            lock.forEach(c -> all.add(Arguments.of(m, Workload.SHARED_LOCK, c)));
            for (Sharing s : Sharing.values()) {
                all.add(Arguments.of(m, Workload.SHARED_COUNTER, SMALL.withContention(50, s)));
            }
            all.add(Arguments.of(m, Workload.NATIVE, SMALL));
        }
        return all.stream();
    }

    @ParameterizedTest(name = "{0} × {1} ({2})")
    @MethodSource("everyModelAndSetting")
    void everyTaskOnceAndTheReferenceChecksum(ExecutionModel model, Workload workload, WorkloadConfig config)
            throws InterruptedException {
        assumeTrue(model.unavailableReason() == null, () -> model.unavailableReason());
        AtomicIntegerArray runs = new AtomicIntegerArray(TASKS);
        try (Workbench wb = workload.open(config.withProbe(runs::incrementAndGet));
                ModelRunner runner = model.open(ModelConfig.of(WORKERS).withBatchTimeout(Duration.ofSeconds(60)), wb)) {
            Task[] tasks = wb.tasks(TASKS);
            long reference = wb.referenceChecksum(tasks);
            for (int batch = 1; batch <= 3; batch++) {
                assertThat(runner.runBatch(tasks)).as("checksum of batch %d (%s)", batch, config.sharing()).isEqualTo(reference);
                for (int id = 0; id < TASKS; id++) {
                    assertThat(runs.get(id)).as("runs of task %d after batch %d", id, batch).isEqualTo(batch);
                }
            }
        }
    }
}
