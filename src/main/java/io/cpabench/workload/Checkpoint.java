package io.cpabench.workload;

/**
 * A point inside a compute loop where the running thread may have to yield: CPython's eval breaker.
 * Compute kernels call {@link #poll()} every few hundred iterations; only the GIL makes it do anything.
 */
@FunctionalInterface
public interface Checkpoint {
    /** For every model without a global lock: polling costs one well-predicted call. */
    Checkpoint NONE = () -> {};

    void poll();
}
