package io.cpabench.workload;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * A known-effect control: the system property {@code cpabench.cpuScale} (default 1) multiplies the work
 * of every compute step, so a run whose forks get {@code -Dcpabench.cpuScale=1.05} is 5% slower on
 * compute and unchanged on waits. Compared against the same build without it, it asks the whole path
 * (plan, forks, merge, compare) "can this machine see a 5% change?" with the answer known in advance.
 *
 * <p>Moving the prime-count bound would not do: numbers near the top cost more than the average, and
 * how much more depends on the machine (the loop around a division against the division itself). So a
 * scaled step runs the unchanged prime count {@code floor(factor)} times, then tests a share
 * {@code frac(factor)} of the same numbers once more: a uniform sample, picked by a Weyl sequence
 * (i·φ mod 1, which ignores divisibility) once per bound and kept, so the extra tests cost the share of
 * the count whatever the machine, and picking them costs nothing in the step. Both the reference
 * checksum and every model run the same code.
 */
public final class CpuScale {
    public static final String PROPERTY = "cpabench.cpuScale";
    private static final double FACTOR = parse(System.getProperty(PROPERTY, "1"));
    private static final double PHI = (Math.sqrt(5) - 1) / 2;
    private static final Map<Long, long[]> SAMPLES = new ConcurrentHashMap<>();

    private CpuScale() {}

    public static double factor() {
        return FACTOR;
    }

    /** The factor a property value asks for: a number in (0, 100]. */
    public static double parse(String value) {
        double f;
        try {
            f = Double.parseDouble(value.trim());
        } catch (NumberFormatException e) {
            f = Double.NaN;
        }
        if (!(f > 0 && f <= 100)) {
            throw new IllegalArgumentException("bad " + PROPERTY + " '" + value + "'; valid: a number above 0 and at most 100, e.g. 1.05");
        }
        return f;
    }

    /** A compute step of size {@code n} under this fork's factor: the plain prime count when it is 1. */
    public static long compute(long n, Checkpoint cp) {
        return FACTOR == 1 ? Kernels.countPrimes(n, cp) : countPrimes(n, FACTOR, cp);
    }

    /** The prime count below {@code n} floor(factor) times, plus the primes in the sample of the rest. */
    static long countPrimes(long n, double factor, Checkpoint cp) {
        long count = 0;
        for (int k = 0; k < (int) factor; k++) {
            count += Kernels.countPrimes(n, cp);
        }
        double share = factor - (int) factor;
        // kept per bound for this fork's factor, the only one a benchmark runs
        long[] sample = factor == FACTOR ? SAMPLES.computeIfAbsent(n, b -> sample(b, share)) : sample(n, share);
        for (int j = 0; j < sample.length; j++) {
            if ((j & (Kernels.CHECK_EVERY - 1)) == 0) {
                cp.poll();
            }
            if (Kernels.isPrime(sample[j])) {
                count++;
            }
        }
        return count;
    }

    /** The numbers in [2, n) whose Weyl value i·φ mod 1 is below {@code share}: that share of them, evenly spread. */
    static long[] sample(long n, double share) {
        return java.util.stream.LongStream.range(2, n).filter(i -> (i * PHI) % 1.0 < share).toArray();
    }
}
