package io.cpabench.model;

import io.cpabench.workload.BlockingIo;
import io.cpabench.workload.Checkpoint;
import io.cpabench.workload.Task;
import io.cpabench.workload.Workbench;

/** Told exactly once how a submitted task ended, on whichever thread ended it. */
public interface Completion {
    void done(long result);

    void failed(Throwable error);

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
