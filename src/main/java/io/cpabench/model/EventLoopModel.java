package io.cpabench.model;

import io.cpabench.gil.Gil;
import io.cpabench.workload.Task;
import io.cpabench.workload.Workbench;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.Executor;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Tasks as coroutines on event loops: {@code loops} single-threaded loops taking tasks round-robin
 * (1 = asyncio, N = Netty's loop group), optionally an offload pool for compute steps, optionally one
 * GIL shared by the loop and the pool.
 */
final class EventLoopModel extends ModelBase<ThreadPoolExecutor> {
    private final EventLoop[] loops;
    private final Gil gil;
    private final AtomicInteger next = new AtomicInteger();

    private EventLoopModel(ModelConfig config, Workbench wb, int loops, boolean offload, Gil gil) {
        super(config, wb, offload ? offloadPool(config.workers(), gil) : null);
        this.gil = gil;
        this.loops = new EventLoop[loops];
        for (int i = 0; i < loops; i++) {
            this.loops[i] = new EventLoop(Threads.PREFIX + "loop-" + (i + 1), gil);
        }
    }

    private static ThreadPoolExecutor offloadPool(int workers, Gil gil) {
        return gil == null ? Threads.fixedPool(workers, "offload") : new GilPool(workers, "offload", gil);
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
        AsyncTaskRun.start(t, wb, loops[i], pool, gil, c);
    }

    /** Every loop, and the offload pool's threads when there is one. */
    @Override
    public Hold hold() throws InterruptedException {
        List<Executor> entries = new ArrayList<>(List.of(loops));
        if (pool != null) {
            entries.addAll(Collections.nCopies(config.workers(), pool));
        }
        return Hold.of(entries, gil, config.batchTimeout());
    }

    @Override
    public void close() {
        super.close();
        for (EventLoop loop : loops) {
            loop.close();
        }
    }
}
