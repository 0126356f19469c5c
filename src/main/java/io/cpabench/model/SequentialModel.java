package io.cpabench.model;

import io.cpabench.workload.Checkpoint;
import io.cpabench.workload.Task;
import io.cpabench.workload.Workbench;
import java.time.Duration;

/** The calling thread runs the tasks one after another: the baseline of every ratio. */
final class SequentialModel implements ModelRunner {
    private final Workbench wb;
    private final ModelConfig config;

    SequentialModel(ModelConfig config, Workbench wb) {
        this.wb = wb;
        this.config = config;
    }

    /** Runs the task now, on the caller: the caller is the only thread there is. */
    @Override
    public void submit(Task t, Completion c) {
        Completion.runBlocking(c, t, wb, Checkpoint.NONE, wb.io());
    }

    @Override
    public Duration batchTimeout() {
        return config.batchTimeout();
    }

    /** A plain loop, so the baseline carries no completion bookkeeping. */
    @Override
    public long runBatch(Task[] tasks) throws InterruptedException {
        long sum = 0;
        for (Task t : tasks) {
            try {
                sum += t.runBlocking(wb, Checkpoint.NONE, wb.io());
            } catch (RuntimeException e) {
                throw new BatchFailedException("a task failed: " + e, e);
            }
        }
        return sum;
    }

    @Override
    public void close() {}
}
