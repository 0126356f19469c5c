package io.cpabench.model;

import io.cpabench.workload.Checkpoint;
import io.cpabench.workload.Task;
import io.cpabench.workload.Workbench;

/** The calling thread runs the tasks one after another: the baseline of every ratio. */
final class SequentialModel implements ModelRunner {
    private final Workbench wb;

    SequentialModel(Workbench wb) {
        this.wb = wb;
    }

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
