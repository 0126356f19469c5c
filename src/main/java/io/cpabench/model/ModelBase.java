package io.cpabench.model;

import io.cpabench.workload.Workbench;
import java.time.Duration;
import java.util.Collections;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.ForkJoinPool;
import java.util.concurrent.TimeUnit;

/**
 * What every model class shares: the workbench its tasks run against, its configuration, and the pool
 * of threads it started (or none), stopped on close so that no trial leaks threads into the next.
 *
 * @param <P> the pool's type, for the models that use more of it than shutting it down
 */
abstract class ModelBase<P extends ExecutorService> implements ModelRunner {
    final Workbench wb;
    final ModelConfig config;
    final P pool;

    /** @param pool the model's threads, or null when it starts none of its own */
    ModelBase(ModelConfig config, Workbench wb, P pool) {
        this.wb = wb;
        this.config = config;
        this.pool = pool;
    }

    @Override
    public final Duration batchTimeout() {
        return config.batchTimeout();
    }

    /**
     * The pool's {@code workers} threads, one waiter each through the pool's queue. A ForkJoinPool can have
     * more threads than that: a worker that waits in a join may get a spare to run in its place, and a spare
     * still scanning would take the queued batch past the hold. Once the pool is quiescent every thread is
     * idle, and it wakes only as many as its parallelism for the waiters, so the rest stay parked.
     */
    @Override
    public Hold hold() throws InterruptedException {
        if (pool == null) {
            return Hold.NONE;
        }
        if (pool instanceof ForkJoinPool fj && !fj.awaitQuiescence(config.batchTimeout().toNanos(), TimeUnit.NANOSECONDS)) {
            throw new IllegalStateException("the pool did not come to rest within " + config.batchTimeout() + ": " + fj);
        }
        return Hold.of(Collections.nCopies(config.workers(), pool), gil(), config.batchTimeout());
    }

    @Override
    public void close() {
        if (pool != null) {
            Threads.stop(pool);
        }
    }
}
