package io.cpabench.model;

import io.cpabench.workload.Checkpoint;
import io.cpabench.workload.Task;
import io.cpabench.workload.Workbench;
import java.util.concurrent.ExecutorService;

/** The calling thread runs the tasks one after another: the baseline of every ratio. */
final class SequentialModel extends ModelBase<ExecutorService> {
    SequentialModel(ModelConfig config, Workbench wb) {
        super(config, wb, null);
    }

    /** Runs the task now, on the caller: the caller is the only thread there is. */
    @Override
    public void submit(Task t, Completion c) {
        Completion.runBlocking(c, t, wb, Checkpoint.NONE, wb.io());
    }

    /** A plain loop, so the baseline carries no completion bookkeeping. */
    @Override
    public long runBatch(Task[] tasks, Hold hold) throws InterruptedException {
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
}
