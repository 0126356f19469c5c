package io.cpabench.model;

import io.cpabench.workload.Workbench;
import java.time.Duration;
import java.util.Collections;
import java.util.concurrent.ExecutorService;

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

    /** The pool's {@code workers} threads, one waiter each through the pool's queue. */
    @Override
    public Hold hold() throws InterruptedException {
        return pool == null
                ? Hold.NONE
                : Hold.of(Collections.nCopies(config.workers(), pool), gil(), config.batchTimeout());
    }

    @Override
    public void close() {
        if (pool != null) {
            Threads.stop(pool);
        }
    }
}
