package io.cpabench.model;

import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import java.util.concurrent.atomic.LongAdder;

/**
 * The completion side of a burst: every task reports once, the submitter waits for all of them
 * (Netty's burst-cost pattern: hand off a burst, then wait for its completion).
 */
final class Batch implements Completion {
    private final int size;
    private final CountDownLatch left;
    private final LongAdder sum = new LongAdder();
    private final AtomicReference<Throwable> firstError = new AtomicReference<>();

    Batch(int size) {
        this.size = size;
        this.left = new CountDownLatch(size);
    }

    @Override
    public void done(long result) {
        sum.add(result);
        left.countDown();
    }

    @Override
    public void failed(Throwable t) {
        firstError.compareAndSet(null, t);
        left.countDown();
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
