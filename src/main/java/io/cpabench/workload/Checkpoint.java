package io.cpabench.workload;

import java.util.function.LongSupplier;

/**
 * A point inside a compute loop where the running thread may have to yield: CPython's eval breaker.
 * Compute kernels call {@link #poll()} every few hundred iterations; only the GIL makes it do anything.
 */
@FunctionalInterface
public interface Checkpoint {
    /** For every model without a global lock: polling costs one well-predicted call. */
    Checkpoint NONE = () -> {};

    void poll();

    /**
     * Runs {@code call} the way code that needs no interpreter runs: a wait for another lock, a C
     * extension's loop between {@code Py_BEGIN_ALLOW_THREADS} and {@code Py_END_ALLOW_THREADS}. Only
     * the GIL releases anything around it (and takes itself back after); every other checkpoint just
     * runs it. {@code call} must not poll this checkpoint: the thread does not hold it meanwhile.
     */
    default long outside(LongSupplier call) {
        return call.getAsLong();
    }
}
