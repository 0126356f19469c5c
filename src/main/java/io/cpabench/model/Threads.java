package io.cpabench.model;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.ForkJoinPool;
import java.util.concurrent.ForkJoinWorkerThread;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.UnaryOperator;

/**
 * Every thread the suite starts for its own work, models and benchmarks alike: named "cpabench-…",
 * daemon, and stopped by {@link #stop}, which returns only once each of them has ended, so no trial
 * leaves threads running into the next (the tests look for live "cpabench-" threads after a close).
 */
public final class Threads {
    public static final String PREFIX = "cpabench-";

    private static final long STOP_NANOS = TimeUnit.SECONDS.toNanos(10);

    private Threads() {}

    /** Daemon threads named "cpabench-role-i"; remembers them so that {@link #stop} can join them. */
    private static ThreadFactory named(String role) {
        return new Named(role, UnaryOperator.identity());
    }

    /** As {@link #named(String)}, each thread's whole life wrapped by {@code around} (what it must undo as it ends). */
    static ThreadFactory named(String role, UnaryOperator<Runnable> around) {
        return new Named(role, around);
    }

    /** A fixed pool of {@code n} platform threads "cpabench-role-i" fed from one unbounded queue. */
    public static ThreadPoolExecutor fixedPool(int n, String role) {
        ThreadPoolExecutor pool = new ThreadPoolExecutor(n, n, 0, TimeUnit.SECONDS, new LinkedBlockingQueue<>(), named(role));
        pool.prestartAllCoreThreads();
        return pool;
    }

    /** {@code ForkJoinPool(n)} with daemon "cpabench-role-i" workers; asyncMode is FIFO for event-style tasks. */
    static ForkJoinPool forkJoinPool(int n, String role, boolean asyncMode) {
        return new ForkJoinPool(n, new NamedForkJoin(role), null, asyncMode);
    }

    /**
     * Interrupts the pool's threads and waits until every one of them has ended: a pool reports itself
     * terminated while its last threads are still on their way out, so this joins them too.
     *
     * @throws IllegalStateException when they have not ended within 10 s
     */
    public static void stop(ExecutorService pool) {
        pool.shutdownNow();
        long deadline = System.nanoTime() + STOP_NANOS;
        try {
            if (!pool.awaitTermination(STOP_NANOS, TimeUnit.NANOSECONDS)) {
                throw new IllegalStateException("threads did not stop within 10 s: " + pool);
            }
            for (Thread t : madeBy(pool)) {
                if (t != Thread.currentThread()) {
                    TimeUnit.NANOSECONDS.timedJoin(t, Math.max(1, deadline - System.nanoTime()));
                    if (t.isAlive()) {
                        throw new IllegalStateException("thread " + t.getName() + " did not end within 10 s");
                    }
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static List<Thread> madeBy(ExecutorService pool) {
        if (pool instanceof ThreadPoolExecutor tpe && tpe.getThreadFactory() instanceof Named n) {
            return n.made;
        }
        if (pool instanceof ForkJoinPool fjp && fjp.getFactory() instanceof NamedForkJoin n) {
            return n.made;
        }
        return List.of();
    }

    private static final class Named implements ThreadFactory {
        private final String role;
        private final UnaryOperator<Runnable> around;
        private final AtomicInteger n = new AtomicInteger();
        final List<Thread> made = new CopyOnWriteArrayList<>();

        Named(String role, UnaryOperator<Runnable> around) {
            this.role = role;
            this.around = around;
        }

        @Override
        public Thread newThread(Runnable r) {
            Thread t = new Thread(around.apply(r), PREFIX + role + "-" + n.incrementAndGet());
            t.setDaemon(true);
            made.add(t);
            return t;
        }
    }

    private static final class NamedForkJoin implements ForkJoinPool.ForkJoinWorkerThreadFactory {
        private final String role;
        final List<Thread> made = new CopyOnWriteArrayList<>();

        NamedForkJoin(String role) {
            this.role = role;
        }

        @Override
        public ForkJoinWorkerThread newThread(ForkJoinPool pool) {
            ForkJoinWorkerThread t = ForkJoinPool.defaultForkJoinWorkerThreadFactory.newThread(pool);
            t.setName(PREFIX + role + "-" + t.getPoolIndex());
            t.setDaemon(true);
            made.add(t);
            return t;
        }
    }
}
