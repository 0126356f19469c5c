package io.cpabench.model;

import java.util.concurrent.ExecutorService;
import java.util.concurrent.ForkJoinPool;
import java.util.concurrent.ForkJoinWorkerThread;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/** Thread naming and shutdown shared by the models: every thread is "cpabench-…" and daemon. */
final class Threads {
    static final String PREFIX = "cpabench-";

    private Threads() {}

    static ThreadFactory named(String role) {
        AtomicInteger n = new AtomicInteger();
        return r -> {
            Thread t = new Thread(r, PREFIX + role + "-" + n.incrementAndGet());
            t.setDaemon(true);
            return t;
        };
    }

    /** A fixed pool of {@code n} platform threads fed from one unbounded queue. */
    static ThreadPoolExecutor fixedPool(int n, String role) {
        ThreadPoolExecutor pool =
                new ThreadPoolExecutor(n, n, 0, TimeUnit.SECONDS, new LinkedBlockingQueue<>(), named(role));
        pool.prestartAllCoreThreads();
        return pool;
    }

    /** {@code ForkJoinPool(n)} with daemon "cpabench-role-i" workers; asyncMode is FIFO for event-style tasks. */
    static ForkJoinPool forkJoinPool(int n, String role, boolean asyncMode) {
        return new ForkJoinPool(n, p -> {
            ForkJoinWorkerThread t = ForkJoinPool.defaultForkJoinWorkerThreadFactory.newThread(p);
            t.setName(PREFIX + role + "-" + t.getPoolIndex());
            t.setDaemon(true);
            return t;
        }, null, asyncMode);
    }

    /** Interrupts the pool's threads and waits for them to end, so no trial leaks threads into the next. */
    static void stop(ExecutorService pool) {
        pool.shutdownNow();
        try {
            if (!pool.awaitTermination(10, TimeUnit.SECONDS)) {
                throw new IllegalStateException("threads did not stop within 10 s: " + pool);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
