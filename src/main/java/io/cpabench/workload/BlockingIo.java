package io.cpabench.workload;

/** The blocking form of an I/O step: the calling thread waits until the reply arrives. */
@FunctionalInterface
public interface BlockingIo {
    /**
     * Waits {@code latencyNanos} for a reply that echoes {@code token}, and returns the echoed token, so
     * a lost or mixed-up reply changes the checksum.
     */
    long await(long latencyNanos, long token) throws InterruptedException;
}
