package io.cpabench.model;

import io.cpabench.gil.Gil;
import io.cpabench.workload.BlockingIo;
import io.cpabench.workload.Task;
import io.cpabench.workload.Workbench;
import java.util.concurrent.ThreadPoolExecutor;

/**
 * CPython's {@code threading}: {@code workers} platform threads that must hold one global interpreter
 * lock to compute. I/O steps release it; so does waiting for the next task when there is none, as
 * {@code queue.get} does ({@link GilWorkQueue}). Concurrent, not parallel.
 */
final class GilThreadsModel extends ModelBase<ThreadPoolExecutor> {
    private final Gil gil;
    private final BlockingIo io;

    GilThreadsModel(ModelConfig config, Workbench wb) {
        this(config, wb, config.newGil());
    }

    private GilThreadsModel(ModelConfig config, Workbench wb, Gil gil) {
        super(config, wb, new GilPool(config.workers(), "gil", gil));
        this.gil = gil;
        this.io = gil.releasing(wb.io());
    }

    @Override
    public Gil gil() {
        return gil;
    }

    @Override
    public void submit(Task t, Completion c) {
        // the pool's worker holds the GIL while it runs a task
        pool.execute(() -> Completion.runBlocking(c, t, wb, gil, io));
    }
}
