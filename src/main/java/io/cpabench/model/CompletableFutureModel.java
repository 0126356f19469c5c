package io.cpabench.model;

import io.cpabench.workload.Checkpoint;
import io.cpabench.workload.Step;
import io.cpabench.workload.Task;
import io.cpabench.workload.Workbench;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ForkJoinPool;

/**
 * Each task is a chain of stages on a pool of {@code workers}: {@code supplyAsync} → one
 * {@code thenApplyAsync} per compute step → {@code thenCompose} on a non-blocking I/O future. No thread
 * ever blocks on I/O; the chain resumes on the pool when the reply arrives.
 */
final class CompletableFutureModel extends ModelBase<ForkJoinPool> {
    CompletableFutureModel(ModelConfig config, Workbench wb) {
        // asyncMode: FIFO for never-joined event-style tasks, as the JDK advises for CompletableFuture pools.
        super(config, wb, Threads.forkJoinPool(config.workers(), "cf", true));
    }

    @Override
    public void submit(Task t, Completion c) {
        chain(t).whenComplete((r, e) -> {
            if (e != null) {
                c.failed(e);
            } else {
                c.done(r);
            }
        });
    }

    /** Builds the task's chain; stage boundaries are where another task may run on this thread. */
    private CompletableFuture<Long> chain(Task t) {
        CompletableFuture<Long> f = CompletableFuture.supplyAsync(t::seed, pool);
        for (int i = 0; i < t.size(); i++) {
            int step = i;
            if (t.step(i).kind() == Step.Kind.IO) {
                long latency = t.step(i).amount();
                f = f.thenCompose(acc -> wb.io()
                        .start(latency, t.token(step))
                        .thenApplyAsync(r -> Task.mix(acc, r), pool));
            } else {
                f = f.thenApplyAsync(acc -> Task.mix(acc, t.runLocal(step, wb, Checkpoint.NONE)), pool);
            }
        }
        return f.thenApply(acc -> t.finish(wb, acc));
    }
}
