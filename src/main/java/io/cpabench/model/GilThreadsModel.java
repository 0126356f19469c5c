package io.cpabench.model;

import io.cpabench.gil.Gil;
import io.cpabench.workload.BlockingIo;
import io.cpabench.workload.Task;
import io.cpabench.workload.Workbench;
import java.util.concurrent.ThreadPoolExecutor;

/**
 * CPython's {@code threading}: {@code workers} platform threads that must hold one global interpreter
 * lock to compute. I/O steps release it; so does waiting for the next task, as {@code queue.get} does.
 * Concurrent, not parallel.
 */
final class GilThreadsModel extends ModelBase<ThreadPoolExecutor> {
    private final Gil gil;
    private final BlockingIo io;

    GilThreadsModel(ModelConfig config, Workbench wb) {
        super(config, wb, Threads.fixedPool(config.workers(), "gil"));
        this.gil = config.newGil();
        this.io = gil.releasing(wb.io());
    }

    @Override
    public Gil gil() {
        return gil;
    }

    @Override
    public void submit(Task t, Completion c) {
        pool.execute(() -> {
            gil.acquire();
            try {
                Completion.runBlocking(c, t, wb, gil, io);
            } finally {
                gil.release();
            }
        });
    }
}
