package io.cpabench.stats;

import java.util.List;

/**
 * The stopping rule of "forks until precise": after a row's planned forks, whether to run more of it
 * and how many, from the row's own fork means only. The target is the precision P of the row's 95%
 * interval: its half-width on the log fork means, t · s / √n, at most ln(1 + P) (±2% reads as the
 * interval of the geometric mean within about ±2% of it). A row short of P grows to the forks its
 * current spread says it needs, at most the cap; it is asked again after those, and a row still short
 * of P at the cap is too noisy on this machine, reported with its spread rather than grown further.
 *
 * <p>Why it cannot bias a verdict's direction: it never sees the other side of a comparison, and it
 * reads only the spread of the fork means, which for normal fork means is independent of their mean;
 * so it chooses how many forks a row gets, never which way its estimate leans. It does make a grown
 * row's interval run a little narrow (a row stops when its spread happens to look small).
 * {@code ForksUntilPreciseTest} measures both by simulation for the recommended P = 2%, cap 30 after
 * the nightly's 5 forks: A/A false calls at the nightly's ±5% stay at or under 0.25% (3% for a row far
 * beyond the cap), a true 5% change is called in 97–100% of rows that reach P, and at ±2% the A/A rows
 * that had to grow are called in 9.9% instead of under 5%.
 *
 * <p>{@code run} uses it so (its {@code ExtraForks}): after a row's planned forks, ask; run the extra
 * forks interleaved with the rest of the run; ask again; stop on {@link Outcome#PRECISE} or
 * {@link Outcome#TOO_NOISY}.
 */
public final class ForksUntilPrecise {
    /** What to do with a row now. */
    public enum Outcome {
        /** its interval is within the precision: no more forks */
        PRECISE,
        /** run {@code extraForks} more, then ask again */
        MORE,
        /** at the cap and still short of the precision: report it apart, with its spread */
        TOO_NOISY
    }

    /**
     * @param extraForks  forks to add now (0 unless {@link Outcome#MORE})
     * @param spread      sd of the log fork means so far (≈ relative spread); NaN under 2 forks
     * @param halfWidth   the interval's relative half-width now, e^h − 1; NaN under 2 forks
     * @param forksNeeded the forks its spread says P needs; {@link ForksNeeded#CAP} + 1 for "more than"; 0 under 2 forks
     */
    public record Decision(Outcome outcome, int extraForks, double spread, double halfWidth, int forksNeeded) {}

    private ForksUntilPrecise() {}

    /**
     * @param forkMeans    the row's fork means so far, all positive
     * @param precision    P, the target relative half-width of the 95% interval, in (0, 1): 0.02 for ±2%
     * @param maxForks     the cap on the row's forks, at least {@code plannedForks}
     * @param plannedForks the forks the profile plans for it; fewer so far means those come first
     * @throws IllegalArgumentException on a precision outside (0, 1), a cap under the plan or 2, or a fork mean ≤ 0
     */
    public static Decision decide(List<Double> forkMeans, double precision, int maxForks, int plannedForks) {
        if (!(precision > 0 && precision < 1)) {
            throw new IllegalArgumentException("precision must be in (0%, 100%), got " + precision);
        }
        int floor = Math.max(plannedForks, Comparability.MIN_FORKS);
        if (maxForks < floor) {
            throw new IllegalArgumentException("max forks " + maxForks + " is below the " + floor + " planned");
        }
        if (!forkMeans.stream().allMatch(m -> m != null && m > 0 && Double.isFinite(m))) {
            throw new IllegalArgumentException("fork means must be positive and finite: " + forkMeans);
        }
        int n = forkMeans.size();
        if (n < floor) {
            return new Decision(Outcome.MORE, floor - n, Double.NaN, Double.NaN, 0);
        }
        double spread = ForksNeeded.spread(ForkSample.ofMeans(forkMeans.stream().mapToDouble(Double::doubleValue).toArray()));
        double target = Math.log1p(precision);
        double halfWidth = TQuantiles.t95(n - 1) * spread / Math.sqrt(n);
        if (halfWidth <= target) {
            return new Decision(Outcome.PRECISE, 0, spread, Math.expm1(halfWidth), n);
        }
        int needed = Math.max(forksNeeded(spread, target, n), n + 1);
        if (n >= maxForks) {
            return new Decision(Outcome.TOO_NOISY, 0, spread, Math.expm1(halfWidth), needed);
        }
        return new Decision(Outcome.MORE, Math.min(needed, maxForks) - n, spread, Math.expm1(halfWidth), needed);
    }

    /**
     * The forks a row whose fork means spread {@code spread} (sd of their logs) needs for its interval
     * to be within ±{@code precision}: at least 2; {@link ForksNeeded#CAP} + 1 for "more than". For
     * estimates made before a run, from a calibration's spread.
     */
    public static int forksFor(double spread, double precision) {
        if (!(precision > 0 && precision < 1) || !(spread >= 0)) {
            throw new IllegalArgumentException("need a precision in (0, 1) and a spread ≥ 0, got " + precision + " and " + spread);
        }
        return forksNeeded(spread, Math.log1p(precision), Comparability.MIN_FORKS);
    }

    // The half-width shrinks as forks grow, so the first count within the target is found by bisection.
    private static int forksNeeded(double spread, double target, int from) {
        if (TQuantiles.t95(ForksNeeded.CAP - 1) * spread / Math.sqrt(ForksNeeded.CAP) > target) {
            return ForksNeeded.CAP + 1;
        }
        int lo = from - 1;
        int hi = ForksNeeded.CAP;
        while (hi - lo > 1) {
            int mid = (lo + hi) >>> 1;
            if (TQuantiles.t95(mid - 1) * spread / Math.sqrt(mid) <= target) {
                hi = mid;
            } else {
                lo = mid;
            }
        }
        return hi;
    }

    /** The 97.5% t quantiles for 1 … {@link ForksNeeded#CAP} − 1 degrees of freedom, computed once: a planner asks per row, often. */
    private static final class TQuantiles {
        private static final double[] T95 = new double[ForksNeeded.CAP];

        static {
            for (int df = 1; df < T95.length; df++) {
                T95[df] = MeanInterval.quantile(df, Comparison.LEVEL);
            }
        }

        static double t95(int df) {
            return df < T95.length ? T95[df] : MeanInterval.quantile(df, Comparison.LEVEL);
        }
    }
}
