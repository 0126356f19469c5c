package io.cpabench.workload;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;

/**
 * I/O as a fixed-latency wait. Blocking: {@code Thread.sleep}, which parks a virtual thread and blocks
 * a platform one. Non-blocking: one timer thread completes a future, as an OS timer would.
 */
public final class SleepIo implements IoBackend {
    private ScheduledThreadPoolExecutor timer;

    @Override
    public long await(long latencyNanos, long token) throws InterruptedException {
        Thread.sleep(latencyNanos / 1_000_000, (int) (latencyNanos % 1_000_000));
        return token;
    }

    @Override
    public CompletableFuture<Long> start(long latencyNanos, long token) {
        CompletableFuture<Long> f = new CompletableFuture<>();
        timer().schedule(() -> f.complete(token), latencyNanos, TimeUnit.NANOSECONDS);
        return f;
    }

    /** Created on first use, so workloads that never wait start no thread. */
    private synchronized ScheduledThreadPoolExecutor timer() {
        if (timer == null) {
            timer = new ScheduledThreadPoolExecutor(1, r -> {
                Thread t = new Thread(r, "cpabench-timer");
                t.setDaemon(true);
                return t;
            });
            timer.setRemoveOnCancelPolicy(true);
        }
        return timer;
    }

    @Override
    public synchronized void close() {
        if (timer != null) {
            timer.shutdownNow();
            try {
                timer.awaitTermination(5, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            timer = null;
        }
    }
}
