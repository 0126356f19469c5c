package io.cpabench.gil;

import io.cpabench.workload.BlockingIo;
import io.cpabench.workload.Checkpoint;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Supplier;

/** TEMPORARY STUB until the real GIL lands. */
public final class Gil implements Checkpoint {
    public static final long DEFAULT_SWITCH_INTERVAL_NANOS = 5_000_000L;
    private final ReentrantLock lock = new ReentrantLock(true);

    public Gil() {}

    public Gil(long switchIntervalNanos, boolean forcedSwitching) {}

    public void acquire() {
        lock.lock();
    }

    public void release() {
        lock.unlock();
    }

    @Override
    public void poll() {
        if (lock.hasQueuedThreads() && lock.isHeldByCurrentThread()) {
            lock.unlock();
            lock.lock();
        }
    }

    public BlockingIo releasing(BlockingIo inner) {
        return (l, t) -> {
            release();
            try {
                return inner.await(l, t);
            } finally {
                acquire();
            }
        };
    }

    public <T> T releasingDuring(Supplier<T> action) {
        release();
        try {
            return action.get();
        } finally {
            acquire();
        }
    }

    public boolean isHeldByCurrentThread() {
        return lock.isHeldByCurrentThread();
    }

    public GilStats stats() {
        return new GilStats(0, 0, 0, 0, 0);
    }

    public void resetStats() {}
}
