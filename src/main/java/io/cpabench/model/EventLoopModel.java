package io.cpabench.model;

import io.cpabench.gil.Gil;
import io.cpabench.workload.Task;
import io.cpabench.workload.Workbench;
import java.time.Duration;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.atomic.AtomicInteger;

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
    private final AtomicInteger next = new AtomicInteger();

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

    /** Round-robin over the loops, as Netty's group hands out channels. */
    @Override
    public void submit(Task t, Completion c) {
        int i = Math.floorMod(next.getAndIncrement(), loops.length);
        AsyncTaskRun.start(t, wb, loops[i], offload, gil, c);
    }

    @Override
    public Duration batchTimeout() {
        return config.batchTimeout();
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
