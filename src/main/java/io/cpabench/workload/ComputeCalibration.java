package io.cpabench.workload;

/**
 * Sizes a COMPUTE step by time: the prime-count bound whose count takes about the asked time on this
 * machine, measured at trial setup. The step stays a prime count (same checksum on every model, real
 * ALU work that a GIL or a busy core slows down); only its size is chosen by the clock. A step that
 * spun until a deadline would finish on time even when it got half a core, and hide the very
 * contention latency benchmarks look for.
 */
public final class ComputeCalibration {
    private ComputeCalibration() {}

    /**
     * The bound {@code n} for which {@code countPrimes(n)} takes about {@code targetNanos} on one
     * uncontended core: the JIT is warmed first, and each estimate is the fastest of several runs, since
     * noise from other processes only ever adds time.
     */
    public static long primeBoundFor(long targetNanos) {
        if (targetNanos <= 0) {
            throw new IllegalArgumentException("target time must be positive: " + targetNanos);
        }
        long n = 20_000;
        long sink = 0;
        long warmUntil = System.nanoTime() + 300_000_000L;
        while (System.nanoTime() < warmUntil) {
            sink += Kernels.countPrimes(n, Checkpoint.NONE);
        }
        for (int round = 0; round < 8; round++) {
            long best = Long.MAX_VALUE;
            for (int k = 0; k < 5; k++) {
                long t0 = System.nanoTime();
                sink += Kernels.countPrimes(n, Checkpoint.NONE);
                best = Math.min(best, System.nanoTime() - t0);
            }
            // Cost grows about as n^1.4 (a prime costs sqrt(i) divisions, composites stop early).
            double factor = Math.pow((double) targetNanos / Math.max(1, best), 1 / 1.4);
            factor = Math.max(0.25, Math.min(4, factor));
            long next = Math.max(16, Math.round(n * factor));
            if (Math.abs(next - n) <= n / 100) {
                n = next;
                break;
            }
            n = next;
        }
        if (sink == 42) {
            System.out.print(""); // keeps the counts alive
        }
        return n;
    }
}
