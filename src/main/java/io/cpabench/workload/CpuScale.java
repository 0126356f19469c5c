package io.cpabench.workload;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * A known-effect control: the system property {@code cpabench.cpuScale} (default 1) multiplies the work
 * of every compute step, so a run whose forks get {@code -Dcpabench.cpuScale=1.05} is 5% slower on
 * compute and unchanged on waits. Compared against the same build without it, it asks the whole path
 * (plan, forks, merge, compare) "can this machine see a 5% change?" with the answer known in advance.
 *
 * <p>The work of counting primes below n is not proportional to n (a prime costs √i trial divisions, a
 * composite stops at its smallest factor), so the bound is not simply multiplied: it is moved until
 * the number of trial divisions, which is what the time is spent on, grows by the factor. Both the
 * reference checksum and every model run the scaled bound, so checks still pass.
 */
public final class CpuScale {
    public static final String PROPERTY = "cpabench.cpuScale";
    private static final double FACTOR = parse(System.getProperty(PROPERTY, "1"));
    private static final Map<Long, Long> BOUNDS = new ConcurrentHashMap<>();

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

    /** The prime-count bound a compute step of size {@code n} runs under this fork's factor. */
    public static long bound(long n) {
        return FACTOR == 1 ? n : BOUNDS.computeIfAbsent(n, k -> scaledBound(k, FACTOR));
    }

    /** The bound whose trial divisions are {@code factor} times those below {@code n}. */
    static long scaledBound(long n, double factor) {
        double work = work(n);
        double target = work * factor;
        long m = n;
        while (work < target) {
            work += cost(m++);
        }
        while (m > 2 && work - cost(m - 1) >= target) {
            work -= cost(--m);
        }
        return m;
    }

    /** Relative cost of testing one number: its trial divisions, plus one for the loop around them. */
    static long cost(long i) {
        long divisions = 0;
        for (long p = 2; p * p <= i; p++) {
            divisions++;
            if (i % p == 0) {
                break;
            }
        }
        return 1 + divisions;
    }

    /** Total relative cost of counting primes below {@code n}. */
    static double work(long n) {
        double w = 0;
        for (long i = 2; i < n; i++) {
            w += cost(i);
        }
        return w;
    }
}
