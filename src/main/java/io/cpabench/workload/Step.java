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
        IO
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

    public static Step io(long latencyNanos) {
        return new Step(Kind.IO, latencyNanos);
    }
}
