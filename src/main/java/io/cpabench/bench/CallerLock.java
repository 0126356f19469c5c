package io.cpabench.bench;

import io.cpabench.gil.Gil;
import io.cpabench.workload.Checkpoint;
import io.cpabench.workload.Task;
import io.cpabench.workload.Workbench;

/** What a JMH caller thread must hold to run a task inline: nothing, or the one shared GIL. */
public enum CallerLock {
    NONE {
        @Override
        long run(Task task, Workbench wb, Gil gil) throws InterruptedException {
            return task.runBlocking(wb, Checkpoint.NONE, wb.io());
        }
    },
    /** Every caller takes the same GIL to compute and releases it around I/O, as CPython threads do. */
    GIL {
        @Override
        long run(Task task, Workbench wb, Gil gil) throws InterruptedException {
            gil.acquire();
            try {
                return task.runBlocking(wb, gil, gil.releasing(wb.io()));
            } finally {
                gil.release();
            }
        }
    };

    abstract long run(Task task, Workbench wb, Gil gil) throws InterruptedException;
}
