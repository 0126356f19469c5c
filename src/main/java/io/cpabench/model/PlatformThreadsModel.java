package io.cpabench.model;

import io.cpabench.workload.Checkpoint;
import io.cpabench.workload.Task;
import io.cpabench.workload.Workbench;
import java.util.concurrent.ThreadPoolExecutor;

/** A fixed pool of {@code workers} platform threads; an I/O step blocks its thread. */
final class PlatformThreadsModel extends ModelBase<ThreadPoolExecutor> {
    PlatformThreadsModel(ModelConfig config, Workbench wb) {
        super(config, wb, Threads.fixedPool(config.workers(), "pool"));
    }

    @Override
    public void submit(Task t, Completion c) {
        pool.execute(() -> Completion.runBlocking(c, t, wb, Checkpoint.NONE, wb.io()));
    }
}
