package io.cpabench.model;

import io.cpabench.workload.BlockingIo;
import io.cpabench.workload.Checkpoint;
import io.cpabench.workload.Task;
import io.cpabench.workload.Workbench;
import java.util.concurrent.ForkJoinPool;
import java.util.concurrent.RecursiveAction;

/**
 * {@code ForkJoinPool(workers)}, the batch split recursively in halves. Blocking I/O goes through
 * {@link ForkJoinPool#managedBlock} as the JDK's own blocking code does, so the pool may add
 * compensating threads while workers wait: on I/O it can overlap more waits than {@code workers}.
 */
final class ForkJoinModel extends ModelBase<ForkJoinPool> {
    private final BlockingIo managedIo;

    ForkJoinModel(ModelConfig config, Workbench wb) {
        super(config, wb, Threads.forkJoinPool(config.workers(), "fj", false));
        BlockingIo io = wb.io();
        this.managedIo = (latency, token) -> {
            IoBlocker b = new IoBlocker(io, latency, token);
            ForkJoinPool.managedBlock(b);
            return b.result;
        };
    }

    /** The batch as one recursive split rather than a burst of submissions: fork/join's own idiom. */
    @Override
    public long runBatch(Task[] tasks, Hold hold) throws InterruptedException {
        Batch batch = new Batch(tasks.length);
        pool.execute(new Split(tasks, 0, tasks.length, batch));
        hold.open();
        return batch.await(config.batchTimeout());
    }

    @Override
    public void submit(Task t, Completion c) {
        pool.execute(() -> Completion.runBlocking(c, t, wb, Checkpoint.NONE, managedIo));
    }

    /** Halves the range until one task is left, like the JDK's ForkJoinPoolForking micro-benchmark. */
    private final class Split extends RecursiveAction {
        private static final long serialVersionUID = 1L;
        private final Task[] tasks;
        private final int from;
        private final int to;
        private final Batch batch;

        Split(Task[] tasks, int from, int to, Batch batch) {
            this.tasks = tasks;
            this.from = from;
            this.to = to;
            this.batch = batch;
        }

        @Override
        protected void compute() {
            if (to - from == 1) {
                Completion.runBlocking(batch, tasks[from], wb, Checkpoint.NONE, managedIo);
            } else if (to > from) {
                int mid = (from + to) >>> 1;
                invokeAll(new Split(tasks, from, mid, batch), new Split(tasks, mid, to, batch));
            }
        }
    }

    /** One I/O wait as a ManagedBlocker, so the pool knows a worker is blocked. */
    private static final class IoBlocker implements ForkJoinPool.ManagedBlocker {
        private final BlockingIo io;
        private final long latency;
        private final long token;
        private boolean done;
        long result;

        IoBlocker(BlockingIo io, long latency, long token) {
            this.io = io;
            this.latency = latency;
            this.token = token;
        }

        @Override
        public boolean block() throws InterruptedException {
            result = io.await(latency, token);
            done = true;
            return true;
        }

        @Override
        public boolean isReleasable() {
            return done;
        }
    }
}
