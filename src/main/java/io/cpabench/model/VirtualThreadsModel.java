package io.cpabench.model;

import io.cpabench.workload.Checkpoint;
import io.cpabench.workload.Kernels;
import io.cpabench.workload.Task;
import io.cpabench.workload.Workbench;
import java.lang.reflect.InvocationTargetException;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeUnit;

/**
 * One virtual thread per task, blocking APIs throughout: the JDK unmounts a virtual thread that waits.
 * {@code workers} is the carrier count (the scheduler's parallelism); tasks in flight are unbounded.
 *
 * <p>The jar targets JDK 17, so the JDK 21 API is reached by reflection, once, at trial setup.
 */
final class VirtualThreadsModel extends ModelBase<ExecutorService> {
    static final String PARALLELISM = "jdk.virtualThreadScheduler.parallelism";
    static final String MAX_POOL = "jdk.virtualThreadScheduler.maxPoolSize";

    private final int observedCarriers;

    VirtualThreadsModel(ModelConfig config, Workbench wb) {
        super(config, wb, carriers(config.workers()));
        this.observedCarriers = observeCarriers(pool, config.workers());
    }

    /** The executor, after the carrier count is requested: it must be before the first virtual thread. */
    private static ExecutorService carriers(int n) {
        requestCarriers(n);
        return newVirtualThreadPerTaskExecutor();
    }

    /**
     * Sizes the scheduler; it reads these once, when the JVM's first virtual thread starts, so this
     * works in a fresh fork (each JMH param combination gets one) and is ignored afterwards.
     */
    static void requestCarriers(int n) {
        System.setProperty(PARALLELISM, Integer.toString(n));
        System.setProperty(MAX_POOL, Integer.toString(n));
    }

    /** The carriers really seen running virtual threads: the request is ignored if one ran before. */
    int observedCarriers() {
        return observedCarriers;
    }

    @Override
    public String describe() {
        return "virtual-thread carriers: requested " + config.workers() + ", observed " + observedCarriers;
    }

    /** A waiting virtual thread gives its carrier back, so nothing queued behind it would wait. */
    @Override
    public Hold hold() {
        throw new UnsupportedOperationException(
                "VIRTUAL_THREADS cannot be held: a waiting virtual thread frees its carrier for the next one");
    }

    @Override
    public void submit(Task t, Completion c) {
        pool.execute(() -> Completion.runBlocking(c, t, wb, Checkpoint.NONE, wb.io()));
    }

    private static ExecutorService newVirtualThreadPerTaskExecutor() {
        String reason = ExecutionModel.VIRTUAL_THREADS.unavailableReason();
        if (reason != null) {
            throw new UnsupportedOperationException(reason);
        }
        try {
            Class<?> builder = Class.forName("java.lang.Thread$Builder");
            Object ofVirtual = Thread.class.getMethod("ofVirtual").invoke(null);
            Object named = builder.getMethod("name", String.class, long.class)
                    .invoke(ofVirtual, Threads.PREFIX + "vt-", 0L);
            ThreadFactory factory = (ThreadFactory) builder.getMethod("factory").invoke(named);
            return (ExecutorService) Executors.class
                    .getMethod("newThreadPerTaskExecutor", ThreadFactory.class)
                    .invoke(null, factory);
        } catch (ReflectiveOperationException e) {
            Throwable cause = e instanceof InvocationTargetException ? e.getCause() : e;
            throw new UnsupportedOperationException("virtual threads unavailable: " + cause, cause);
        }
    }

    /**
     * Runs a burst of short compute-bound virtual threads and counts the distinct carriers named in
     * their {@code toString()} ("VirtualThread[#22,…]/runnable@ForkJoinPool-1-worker-1").
     */
    private static int observeCarriers(ExecutorService executor, int workers) {
        Set<String> carriers = ConcurrentHashMap.newKeySet();
        var done = new java.util.concurrent.CountDownLatch(8 * workers);
        for (int i = 0; i < 8 * workers; i++) {
            executor.execute(() -> {
                try {
                    Kernels.countPrimes(20_000, Checkpoint.NONE);
                    String s = Thread.currentThread().toString();
                    int at = s.lastIndexOf('@');
                    if (at >= 0) {
                        carriers.add(s.substring(at + 1));
                    }
                } finally {
                    done.countDown();
                }
            });
        }
        try {
            done.await(30, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        return carriers.size();
    }
}
