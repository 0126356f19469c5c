package io.cpabench.model;

import io.cpabench.gil.Gil;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;

/**
 * A fixed pool of Python-style threads under one GIL: every task runs with the GIL held, a worker keeps
 * it while there is queued work ({@link GilWorkQueue}) and lets go of it as its thread ends. Terminated
 * means its threads have ended too, so a closed model never leaves the GIL held by a dying worker.
 */
final class GilPool extends ThreadPoolExecutor {
    private final List<Thread> threads = new CopyOnWriteArrayList<>();

    GilPool(int n, String role, Gil gil) {
        super(n, n, 0, TimeUnit.SECONDS, new GilWorkQueue(gil));
        ThreadFactory named = Threads.named(role);
        setThreadFactory(r -> {
            Thread t = named.newThread(() -> {
                try {
                    r.run();
                } finally {
                    // a worker stopped (or killed by a task's error) between two tasks still holds the GIL
                    if (gil.isHeldByCurrentThread()) {
                        gil.release();
                    }
                }
            });
            threads.add(t);
            return t;
        });
        prestartAllCoreThreads();
    }

    /** The pool counts a worker gone before its thread has let go of the GIL: wait for the threads too. */
    @Override
    public boolean awaitTermination(long timeout, TimeUnit unit) throws InterruptedException {
        long deadline = System.nanoTime() + unit.toNanos(timeout);
        if (!super.awaitTermination(timeout, unit)) {
            return false;
        }
        for (Thread t : threads) {
            long left = deadline - System.nanoTime();
            if (left <= 0) {
                return !t.isAlive();
            }
            TimeUnit.NANOSECONDS.timedJoin(t, left);
            if (t.isAlive()) {
                return false;
            }
        }
        return true;
    }
}
