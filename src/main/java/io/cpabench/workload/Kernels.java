package io.cpabench.workload;

/** The compute payload every model runs; written so the JIT can neither delete nor reshape it. */
public final class Kernels {
    /** Numbers between two checkpoints: CPython checks its eval breaker about this often. */
    static final int CHECK_EVERY = 256;

    private Kernels() {}

    /**
     * The prime-counting kernel, every compute step's work: counts the primes in [2, n) by trial division,
     * pure ALU work that allocates nothing and whose cost grows with {@code n} (as the Python
     * {@code cpu_work} function the suite's GIL comparison started from), polling {@code cp} every
     * {@value #CHECK_EVERY} numbers as CPython's eval loop polls its breaker.
     */
    public static long countPrimes(long n, Checkpoint cp) {
        long count = 0;
        for (long i = 2; i < n; i++) {
            if ((i & (CHECK_EVERY - 1)) == 0) {
                cp.poll();
            }
            if (isPrime(i)) {
                count++;
            }
        }
        return count;
    }

    /**
     * The primes in [2, n) whose Weyl value frac(i·φ) lies in [from, to): the numbers a share
     * {@code to − from} of the count tests, spread evenly over the whole range (i·φ mod 1 ignores size and
     * divisibility), so complementary shares split the count's time as they split [0, 1) whatever the
     * machine, and their counts add up to {@link #countPrimes}'s. Both shares walk the same sequence.
     */
    static long countPrimesShare(long n, double from, double to, Checkpoint cp) {
        long count = 0;
        double weyl = 0;
        for (long i = 2; i < n; i++) {
            if ((i & (CHECK_EVERY - 1)) == 0) {
                cp.poll();
            }
            weyl += PHI;
            if (weyl >= 1) {
                weyl -= 1;
            }
            if (weyl >= from && weyl < to && isPrime(i)) {
                count++;
            }
        }
        return count;
    }

    private static final double PHI = (Math.sqrt(5) - 1) / 2;

    static boolean isPrime(long i) {
        for (long p = 2; p * p <= i; p++) {
            if (i % p == 0) {
                return false;
            }
        }
        return true;
    }

    /**
     * Sums {@code bytes} of {@code buffer} from {@code offset}, wrapping around. The sum is returned, so
     * the loads are real; a checkpoint every 64 KiB keeps a GIL holder preemptible.
     */
    public static long scan(long[] buffer, long offsetBytes, long bytes, Checkpoint cp) {
        int words = (int) Math.min(Integer.MAX_VALUE, bytes >>> 3);
        int at = (int) ((offsetBytes >>> 3) % buffer.length);
        long sum = 0;
        final int chunk = 8192; // 64 KiB of longs
        while (words > 0) {
            int n = Math.min(Math.min(words, chunk), buffer.length - at);
            for (int k = at, end = at + n; k < end; k++) {
                sum += buffer[k];
            }
            words -= n;
            at += n;
            if (at == buffer.length) {
                at = 0;
            }
            cp.poll();
        }
        return sum;
    }
}
