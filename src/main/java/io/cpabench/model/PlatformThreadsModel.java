package io.cpabench.model;

import io.cpabench.workload.Checkpoint;
import io.cpabench.workload.Task;
import io.cpabench.workload.Workbench;
import java.time.Duration;
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
    public void submit(Task t, Completion c) {
        pool.execute(() -> Completion.runBlocking(c, t, wb, Checkpoint.NONE, wb.io()));
    }

    @Override
    public Duration batchTimeout() {
        return config.batchTimeout();
    }

    @Override
    public void close() {
        Threads.stop(pool);
    }
}
