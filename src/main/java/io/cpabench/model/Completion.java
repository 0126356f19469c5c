package io.cpabench.model;

import io.cpabench.workload.BlockingIo;
import io.cpabench.workload.Checkpoint;
import io.cpabench.workload.Task;
import io.cpabench.workload.Workbench;

/** Told exactly once how a submitted task ended, on whichever thread ended it. */
public interface Completion {
    void done(long result);

    void failed(Throwable error);

    /**
     * Asked by event-loop tasks at each await point (before an I/O step, and on resuming from one or
     * from offloaded compute): true stops the task there, reported as {@code failed} with a
     * {@link java.util.concurrent.CancellationException}, as asyncio raises {@code CancelledError} at an
     * await. A task computing on the loop cannot be stopped before its next await. Other models never ask.
     */
    default boolean cancelRequested() {
        return false;
    }

    /** Runs a task on the calling thread and reports it; a throwing task is reported, not lost. */
    static void runBlocking(Completion c, Task t, Workbench wb, Checkpoint cp, BlockingIo io) {
        long r;
        try {
            r = t.runBlocking(wb, cp, io);
        } catch (Throwable e) {
            c.failed(e);
            return;
        }
        c.done(r);
    }
}
