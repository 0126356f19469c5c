package io.cpabench.workload;

import java.io.Serializable;

/** One step of a task: compute, scan memory or wait on I/O, with its amount. */
public record Step(Kind kind, long amount) implements Serializable {

    public enum Kind {
        /** Count primes below {@code amount} by trial division: ALU only, no allocation. */
        COMPUTE,
        /** Stream {@code amount} bytes of a buffer larger than the last-level cache. */
        SCAN,
        /** Wait {@code amount} nanoseconds for a reply. */
        IO,
        /** The serial share of a prime count below {@code amount} (SHARED_LOCK), holding the trial's one lock. */
        LOCKED,
        /** The rest of that count, holding nothing: runs alongside other workers' locked parts. */
        UNLOCKED,
        /** A prime count below {@code amount} adding each prime found to the trial's shared counter. */
        COUNTED,
        /** A prime count below {@code amount} run as a C extension runs it: outside the GIL, no checkpoints. */
        NATIVE
    }

    public Step {
        if (kind == null || amount < 0) {
            throw new IllegalArgumentException("bad step: " + kind + " " + amount);
        }
    }

    public static Step compute(long n) {
        return new Step(Kind.COMPUTE, n);
    }

    public static Step scan(long bytes) {
        return new Step(Kind.SCAN, bytes);
    }

    public static Step locked(long n) {
        return new Step(Kind.LOCKED, n);
    }

    public static Step unlocked(long n) {
        return new Step(Kind.UNLOCKED, n);
    }

    public static Step counted(long n) {
        return new Step(Kind.COUNTED, n);
    }

    public static Step nativeCompute(long n) {
        return new Step(Kind.NATIVE, n);
    }

    public static Step io(long latencyNanos) {
        return new Step(Kind.IO, latencyNanos);
    }
}
