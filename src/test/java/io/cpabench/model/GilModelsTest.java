package io.cpabench.model;

import static org.assertj.core.api.Assertions.assertThat;

import io.cpabench.gil.Gil;
import io.cpabench.gil.GilStats;
import io.cpabench.workload.Workbench;
import io.cpabench.workload.Workload;
import io.cpabench.workload.WorkloadConfig;
import org.junit.jupiter.api.Test;

/** The GIL models really go through their lock: counted, not timed. */
class GilModelsTest {
    private static final WorkloadConfig SMALL = new WorkloadConfig(3_000, 64, 0, 200, null);

    @Test
    void gilThreadsTakeTheLockForEveryTaskAndAgainAfterEveryIo() throws InterruptedException {
        Gil gil;
        try (Workbench wb = Workload.MIXED.open(SMALL);
                ModelRunner runner = ExecutionModel.GIL_THREADS.open(ModelConfig.of(3), wb)) {
            gil = runner.gil();
            gil.resetStats();
            runner.runBatch(wb.tasks(20));
            GilStats s = gil.stats();
            // one acquisition to start each task, one to come back from its I/O step
            assertThat(s.acquisitions()).isGreaterThanOrEqualTo(40);
        }
        assertThat(gil.holder()).as("holder after the model closed").isNull();
    }

    @Test
    void offloadedComputeUnderTheGilTakesTheLoopsLock() throws InterruptedException {
        try (Workbench wb = Workload.CPU.open(SMALL);
                ModelRunner runner = ExecutionModel.GIL_EVENT_LOOP_OFFLOAD.open(ModelConfig.of(2), wb)) {
            runner.gil().resetStats();
            runner.runBatch(wb.tasks(10));
            // each offloaded compute step takes it, and the loop takes it to run callbacks
            assertThat(runner.gil().stats().acquisitions()).isGreaterThanOrEqualTo(11);
        }
    }

    @Test
    void modelsWithoutAGilSayNone() {
        try (Workbench wb = Workload.NOOP.open(SMALL);
                ModelRunner runner = ExecutionModel.EVENT_LOOP_OFFLOAD.open(ModelConfig.of(2), wb)) {
            assertThat(runner.gil()).isNull();
        }
    }
}
