package io.cpabench.workload;

import java.util.concurrent.CompletableFuture;

/**
 * Where an I/O step's wait really happens (a timer, a loopback socket), in a blocking and a
 * non-blocking form that return the same value.
 */
public interface IoBackend extends BlockingIo, AutoCloseable {
    /**
     * Starts the wait without blocking; the future completes with {@code token} on a thread of the
     * backend's own, so callers that care where they resume must hop to their executor.
     */
    CompletableFuture<Long> start(long latencyNanos, long token);

    /** Stops the backend's threads and sockets; idempotent. */
    @Override
    void close();
}
