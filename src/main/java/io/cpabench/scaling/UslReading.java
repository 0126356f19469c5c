package io.cpabench.scaling;

import io.cpabench.workload.Workload;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/**
 * Says in one line why a curve flattens, in a service owner's words: which cause it looks like, and the
 * ceiling it tends to where it has one. The causes, after the USL's terms:
 *
 * <ul>
 *   <li>{@link Cause#SERIALISED}: one thing runs at a time (σ ≈ 1): a GIL, or one lock around everything;
 *   <li>{@link Cause#CONTENDED}: a share s of the work queues for something serial (σ): speedup levels
 *       off at 1/s. For a lock that ceiling is what the curve shows, and the reading gives it as measured:
 *       the σ a fit finds on a lock's curve is not its serial share (a lock lets the others go on);
 *   <li>{@link Cause#COHERENCY}: workers pay to stay in step with each other (κ > 0): a peak, then a fall;
 *   <li>{@link Cause#OVERLAPPED_WAITS}: the tasks wait, and the waits overlap: speedup from waiting, not cores;
 *   <li>{@link Cause#PARALLEL}: linear so far.
 * </ul>
 *
 * <p>Two worker counts (a 2-core machine) give one speedup: enough to tell parallel from serialised, not to
 * tell a lock from coherency traffic or how far either goes; the reading says so. Without a workers=1 point
 * SEQUENTIAL stands in for one worker.
 */
public final class UslReading {
    /** σ at or above this means nothing runs in parallel. */
    static final double SERIAL = 0.9;
    /** σ below this is lost in run-to-run noise: the curve is linear as far as we can tell. */
    static final double NO_CONTENTION = 0.05;
    /** A peak beyond this many times the largest measured worker count does not shape the curve measured. */
    static final double PEAK_HORIZON = 2;
    /**
     * Efficiency at or above this reads as parallel (or, for waits, as every worker overlapping its wait):
     * two workers on a 2-vCPU guest reach 1.8–1.9× on CPU, not 2×.
     */
    static final double PARALLEL = 0.85;
    /** A speedup at or below this over one worker reads as serialised. */
    static final double FLAT = 1.1;
    /** Two last points this close (with workers grown by half or more) are a plateau: the curve's ceiling. */
    static final double LEVEL = 0.1;

    /** What a curve looks like it is short of. */
    public enum Cause {
        PARALLEL,
        OVERLAPPED_WAITS,
        SERIALISED,
        CONTENDED,
        COHERENCY,
        /** Something is shared, but the points cannot say what (two worker counts). */
        SHARED,
        /** Too few points or no baseline to read. */
        UNREAD
    }

    /**
     * @param ceiling the speedup over one worker the curve tends to (CONTENDED, SERIALISED), else NaN
     * @param peak    the worker count where throughput peaks (COHERENCY), else NaN
     */
    public record Reading(Cause cause, double ceiling, double peak, String text) {}

    private UslReading() {}

    /** @param io whether the workload waits rather than computes ("flat" reads better than "serialised" there) */
    public static String of(Series s, boolean io) {
        return read(s, io).text();
    }

    public static Reading read(Series s, boolean io) {
        if (Workload.NOOP.name().equals(s.workload())) {
            // Its tasks do nothing, so a speedup over SEQUENTIAL is the hand-off's cost, not a serial share.
            return unread("no work to share: NOOP measures the hand-off alone (DispatchBenchmark gives it per task)");
        }
        TreeMap<Integer, Double> c = capacities(s);
        boolean standIn = !s.points().containsKey(1);
        if (c == null) {
            return unread(s.points().size() == 1 ? "one worker count and no SEQUENTIAL: nothing to compare it with"
                    : "no workers=1 point: no fit (the USL's base)");
        }
        String base = standIn ? "SEQUENTIAL" : "one worker";
        int n = c.lastKey();
        double top = c.get(n);
        if (io && top >= PARALLEL * n && n > 1) {
            return new Reading(Cause.OVERLAPPED_WAITS, Double.NaN, Double.NaN, String.format(Locale.ROOT,
                    "overlapped waits: %s over %s on %d workers: the tasks wait rather than compute, and their waits overlap",
                    times(top), base, n));
        }
        if (standIn && s.points().size() > 1) {
            return unread(String.format(Locale.ROOT, "no workers=1 point: no fit (the USL's base); %s over SEQUENTIAL on %d workers",
                    times(top), n));
        }
        if (c.size() < 3) {
            return twoPoints(top, n, base, io, s.points().size());
        }
        return of(s.fit(), c, io);
    }

    /** A fitted curve of three or more worker counts, {@code c} its measured speedups over one worker. */
    static Reading of(UslFit f, TreeMap<Integer, Double> c, boolean io) {
        String params = String.format(Locale.ROOT, "σ=%.2f κ=%.4f: ", f.sigma(), f.kappa());
        int maxWorkers = c.lastKey();
        double peak = f.peak();
        if (f.sigma() >= SERIAL) {
            String costs = f.kappa() >= 1e-3 ? String.format(Locale.ROOT, ", and each one costs (κ=%.3f)", f.kappa()) : "";
            return new Reading(Cause.SERIALISED, 1, Double.NaN, params + (io ? "flat: σ ≈ 1, more workers do not help"
                    : "serialised: σ ≈ 1, more workers cannot help (one thing runs at a time: a GIL, or one lock around everything)")
                    + costs);
        }
        Map.Entry<Integer, Double> last = c.lastEntry();
        Map.Entry<Integer, Double> before = c.lowerEntry(last.getKey());
        boolean level = last.getKey() >= 1.5 * before.getKey() && Math.abs(last.getValue() / before.getValue() - 1) <= LEVEL
                && last.getValue() < 0.75 * last.getKey();
        if (level) {
            double ceiling = Math.max(last.getValue(), before.getValue());
            return new Reading(Cause.CONTENDED, ceiling, Double.NaN, params + String.format(Locale.ROOT,
                    "contended: speedup levels off at %s from N ≈ %d: something serial (one lock, a serial share of "
                            + "≈ %.0f%% of each task) serves one worker at a time, and more workers only queue for it",
                    times(ceiling), before.getKey(), 100 / ceiling));
        }
        if (f.kappa() > 0 && peak <= PEAK_HORIZON * maxWorkers) {
            String beyond = peak < maxWorkers ? " (throughput falls beyond it: retrograde)" : "";
            return new Reading(Cause.COHERENCY, Double.NaN, Math.max(1, peak), params + String.format(Locale.ROOT,
                    "coherency-bound past N ≈ %.0f%s: workers pay to keep shared data in step (cache lines moving "
                            + "between cores), so throughput peaks, then falls", Math.max(1, peak), beyond));
        }
        if (f.sigma() >= NO_CONTENTION) {
            return new Reading(Cause.CONTENDED, f.ceiling(), Double.NaN, params + String.format(Locale.ROOT,
                    "contention-bound (σ=%.2f): speedup tends to %.1f×, not reached yet: a share of the work waits "
                            + "for something serial", f.sigma(), f.ceiling()));
        }
        return new Reading(Cause.PARALLEL, Double.NaN, Double.NaN, params + "linear so far (σ≈0, κ≈0)");
    }

    /** What one speedup (the base and one more worker count) can and cannot tell. */
    private static Reading twoPoints(double top, int n, String base, boolean io, int counts) {
        String measured = String.format(Locale.ROOT, "%s over %s on %d workers", times(top), base, n);
        String few = counts == 1 ? "one worker count" : "two worker counts";
        if (n == 1) {
            return unread(few + ": " + measured + "; a curve needs more worker counts");
        }
        if (top >= PARALLEL * n) {
            return new Reading(Cause.PARALLEL, Double.NaN, Double.NaN, "parallel so far: " + measured
                    + "; " + few + " cannot show where it stops");
        }
        if (top <= FLAT) {
            return new Reading(Cause.SERIALISED, 1, Double.NaN, (io ? "flat: " : "serialised: ") + measured
                    + ": one thing runs at a time (a GIL, or one lock around everything); more workers cannot help");
        }
        return new Reading(Cause.SHARED, Double.NaN, Double.NaN, String.format(Locale.ROOT,
                "something shared: %s (%.0f%% efficiency). %s cannot tell a lock (levelling off at some ceiling "
                        + "≥ %s: at most %.0f%% of each task serial) from cache-line traffic (a peak, then a fall), "
                        + "nor how far it goes: measure more worker counts",
                measured, 100 * top / n, capitalised(few), times(top), 100 / top));
    }

    /** Speedups over one worker, else over SEQUENTIAL (standing in at N = 1); null with neither. */
    private static TreeMap<Integer, Double> capacities(Series s) {
        Double one = s.points().get(1);
        double base = one != null ? one : s.sequential();
        if (!(base > 0) || !Double.isFinite(base)) {
            return null;
        }
        TreeMap<Integer, Double> c = new TreeMap<>();
        c.put(1, 1.0);
        s.points().forEach((n, x) -> c.put(n, x / base));
        return c;
    }

    private static Reading unread(String text) {
        return new Reading(Cause.UNREAD, Double.NaN, Double.NaN, text);
    }

    private static String times(double x) {
        return String.format(Locale.ROOT, x >= 10 ? "%.1f×" : "%.2f×", x);
    }

    private static String capitalised(String s) {
        return Character.toUpperCase(s.charAt(0)) + s.substring(1);
    }
}
