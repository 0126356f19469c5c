package io.cpabench.model;

import io.cpabench.workload.BlockingIo;
import io.cpabench.workload.Checkpoint;
import io.cpabench.workload.Task;
import io.cpabench.workload.Workbench;
import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import java.util.concurrent.atomic.LongAdder;

/**
 * The completion side of a burst: every task reports once, the submitter waits for all of them
 * (Netty's burst-cost pattern: hand off a burst, then wait for its completion).
 */
final class Batch {
    private final int size;
    private final CountDownLatch left;
    private final LongAdder sum = new LongAdder();
    private final AtomicReference<Throwable> firstError = new AtomicReference<>();

    Batch(int size) {
        this.size = size;
        this.left = new CountDownLatch(size);
    }

    void done(long result) {
        sum.add(result);
        left.countDown();
    }

    void failed(Throwable t) {
        firstError.compareAndSet(null, t);
        left.countDown();
    }

    /** Runs a task on the calling thread and reports it; a throwing task still counts down. */
    void runBlocking(Task t, Workbench wb, Checkpoint cp, BlockingIo io) {
        try {
            done(t.runBlocking(wb, cp, io));
        } catch (Throwable e) {
            failed(e);
        }
    }

    /** Waits for every task; a timeout means a hung model, reported rather than waited out forever. */
    long await(Duration timeout) throws InterruptedException {
        if (!left.await(timeout.toNanos(), TimeUnit.NANOSECONDS)) {
            throw new BatchFailedException(
                    left.getCount() + " of " + size + " tasks still unfinished after " + timeout, null);
        }
        Throwable e = firstError.get();
        if (e != null) {
            throw new BatchFailedException("a task failed: " + e, e);
        }
        return sum.sum();
    }
}
