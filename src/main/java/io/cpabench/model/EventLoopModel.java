package io.cpabench.model;

import io.cpabench.gil.Gil;
import io.cpabench.workload.Task;
import io.cpabench.workload.Workbench;
import java.util.concurrent.ThreadPoolExecutor;

/**
 * Tasks as coroutines on event loops: {@code loops} single-threaded loops taking tasks round-robin
 * (1 = asyncio, N = Netty's loop group), optionally an offload pool for compute steps, optionally one
 * GIL shared by the loop and the pool.
 */
final class EventLoopModel implements ModelRunner {
    private final Workbench wb;
    private final ModelConfig config;
    private final EventLoop[] loops;
    private final ThreadPoolExecutor offload;
    private final Gil gil;

    private EventLoopModel(ModelConfig config, Workbench wb, int loops, boolean offload, Gil gil) {
        this.wb = wb;
        this.config = config;
        this.gil = gil;
        this.loops = new EventLoop[loops];
        for (int i = 0; i < loops; i++) {
            this.loops[i] = new EventLoop(Threads.PREFIX + "loop-" + (i + 1), gil);
        }
        this.offload = offload ? Threads.fixedPool(config.workers(), "offload") : null;
    }

    /** {@code workers} loops, compute inline on each. */
    static EventLoopModel loops(ModelConfig config, Workbench wb) {
        return new EventLoopModel(config, wb, config.workers(), false, null);
    }

    /** One loop; compute offloaded to {@code workers} pool threads. */
    static EventLoopModel offload(ModelConfig config, Workbench wb) {
        return new EventLoopModel(config, wb, 1, true, null);
    }

    /** One loop and {@code workers} offload threads, all under one GIL. */
    static EventLoopModel gilOffload(ModelConfig config, Workbench wb) {
        return new EventLoopModel(config, wb, 1, true, config.newGil());
    }

    @Override
    public Gil gil() {
        return gil;
    }

    @Override
    public long runBatch(Task[] tasks) throws InterruptedException {
        Batch batch = new Batch(tasks.length);
        for (int i = 0; i < tasks.length; i++) {
            AsyncTaskRun.start(tasks[i], wb, loops[i % loops.length], offload, gil, batch);
        }
        return batch.await(config.batchTimeout());
    }

    @Override
    public void close() {
        if (offload != null) {
            Threads.stop(offload);
        }
        for (EventLoop loop : loops) {
            loop.close();
        }
    }
}
