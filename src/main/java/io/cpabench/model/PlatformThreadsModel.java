package io.cpabench.model;

import io.cpabench.workload.Checkpoint;
import io.cpabench.workload.Task;
import io.cpabench.workload.Workbench;
import java.util.concurrent.ThreadPoolExecutor;

/** A fixed pool of {@code workers} platform threads; an I/O step blocks its thread. */
final class PlatformThreadsModel implements ModelRunner {
    private final Workbench wb;
    private final ModelConfig config;
    private final ThreadPoolExecutor pool;

    PlatformThreadsModel(ModelConfig config, Workbench wb) {
        this.wb = wb;
        this.config = config;
        this.pool = Threads.fixedPool(config.workers(), "pool");
    }

    @Override
    public long runBatch(Task[] tasks) throws InterruptedException {
        Batch batch = new Batch(tasks.length);
        for (Task t : tasks) {
            pool.execute(() -> batch.runBlocking(t, wb, Checkpoint.NONE, wb.io()));
        }
        return batch.await(config.batchTimeout());
    }

    @Override
    public void close() {
        Threads.stop(pool);
    }
}
