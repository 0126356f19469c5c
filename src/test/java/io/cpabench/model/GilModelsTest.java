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
    void gilThreadsTakeTheLockAgainAfterEveryIo() throws InterruptedException {
        Gil gil;
        try (Workbench wb = Workload.MIXED.open(SMALL);
                ModelRunner runner = ExecutionModel.GIL_THREADS.open(ModelConfig.of(3), wb)) {
            gil = runner.gil();
            gil.resetStats();
            runner.runBatch(wb.tasks(20));
            GilStats s = gil.stats();
            // one acquisition to come back from each task's I/O step, more when a worker found no queued task
            assertThat(s.acquisitions()).isGreaterThanOrEqualTo(20);
        }
        assertThat(gil.holder()).as("holder after the model closed").isNull();
    }

    @Test
    void offloadedComputeUnderTheGilTakesTheLoopsLock() throws InterruptedException {
        try (Workbench wb = Workload.CPU.open(SMALL);
                ModelRunner runner = ExecutionModel.GIL_EVENT_LOOP_OFFLOAD.open(ModelConfig.of(2), wb)) {
            runner.gil().resetStats();
            runner.runBatch(wb.tasks(10));
            // the lock goes from the loop to an offload worker to compute, and back to the loop to finish
            assertThat(runner.gil().stats().switches()).isGreaterThanOrEqualTo(2);
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
