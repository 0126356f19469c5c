package io.cpabench.workload;

/**
 * A known-effect control: the system property {@code cpabench.cpuScale} (default 1) multiplies the work
 * of every compute step, so a run whose forks get {@code -Dcpabench.cpuScale=1.05} is 5% slower on
 * compute and unchanged on waits. Compared against the same build without it, it asks the whole path
 * (plan, forks, merge, compare) "can this machine see a 5% change?" with the answer known in advance.
 *
 * <p>Moving the prime-count bound would not do: numbers near the top cost more than the average, and
 * how much more depends on the machine (the loop around a division against the division itself). So
 * every number of the range is tested {@code floor(factor)} times, and a share {@code frac(factor)} of
 * them once more, picked by a Weyl sequence (i·φ mod 1), which spreads evenly over the range and ignores
 * divisibility: the extra tests are a uniform sample of the same numbers, and cost the factor whatever
 * the machine. A repeat tests the number's neighbour {@code i ^ k}, of the same size, so the JIT cannot
 * merge it with the first test. Both the reference checksum and every model run the same kernel.
 */
public final class CpuScale {
    public static final String PROPERTY = "cpabench.cpuScale";
    private static final double FACTOR = parse(System.getProperty(PROPERTY, "1"));
    private static final double PHI = (Math.sqrt(5) - 1) / 2;

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

    /** Prime tests of the numbers in [2, n), each made {@link #tests} times; returns how many found a prime. */
    static long countPrimes(long n, double factor, Checkpoint cp) {
        long count = 0;
        for (long i = 2; i < n; i++) {
            if ((i & (Kernels.CHECK_EVERY - 1)) == 0) {
                cp.poll();
            }
            for (int k = 0, t = tests(i, factor); k < t; k++) {
                if (Kernels.isPrime(i ^ k)) {
                    count++;
                }
            }
        }
        return count;
    }

    /** How often number {@code i} is tested: floor(factor), plus one for a share frac(factor) of the numbers. */
    static int tests(long i, double factor) {
        int whole = (int) factor;
        double weyl = (i * PHI) % 1.0;
        return whole + (weyl < factor - whole ? 1 : 0);
    }
}
