package io.cpabench.stats;

/**
 * The minimum detectable effect: the smallest true change that a two-sided Welch test on the log fork
 * means, at significance {@code alpha}, finds with probability {@code power}, for two sides of the given
 * fork counts whose log fork means spread by the given standard deviations. It is what
 * {@code noise-floor} writes per row: below it a real change is more likely missed than found.
 *
 * <p>The usual normal-theory formula with t quantiles in place of z (Welch–Satterthwaite degrees of
 * freedom): δ = (t<sub>1−α/2</sub> + t<sub>power</sub>) · √(s₁²/n₁ + s₂²/n₂), returned as e<sup>δ</sup> − 1.
 * {@code DetectableEffectTest} checks by simulation that a change of this size is found in about
 * {@code power} of the comparisons.
 */
public final class DetectableEffect {
    private DetectableEffect() {}

    public static double of(double spreadOld, int forksOld, double spreadNew, int forksNew, double alpha, double power) {
        if (forksOld < Comparability.MIN_FORKS || forksNew < Comparability.MIN_FORKS) {
            throw new IllegalArgumentException("a detectable effect needs at least " + Comparability.MIN_FORKS + " forks a side");
        }
        double va = spreadOld * spreadOld / forksOld;
        double vb = spreadNew * spreadNew / forksNew;
        double se = Math.sqrt(va + vb);
        if (se == 0) {
            return 0;
        }
        double df = (va + vb) * (va + vb) / (va * va / (forksOld - 1) + vb * vb / (forksNew - 1));
        // MeanInterval.quantile(df, level) is the (1 + level) / 2 quantile, so level = 1 − alpha gives t(1 − alpha/2)
        // and level = 2·power − 1 gives t(power).
        double delta = (MeanInterval.quantile(df, 1 - alpha) + MeanInterval.quantile(df, 2 * power - 1)) * se;
        return Math.expm1(delta);
    }

    /**
     * The forks a side at which the detectable effect comes down to {@code effect}, if the fork means
     * keep their spread; {@link ForksNeeded#CAP} + 1 stands for "more than".
     */
    public static int forksFor(double effect, double spreadOld, double spreadNew, double alpha, double power) {
        if (of(spreadOld, ForksNeeded.CAP, spreadNew, ForksNeeded.CAP, alpha, power) > effect) {
            return ForksNeeded.CAP + 1;
        }
        // the effect shrinks as forks grow, so the first fork count within it is found by bisection
        int lo = Comparability.MIN_FORKS - 1;
        int hi = ForksNeeded.CAP;
        while (hi - lo > 1) {
            int mid = (lo + hi) >>> 1;
            if (of(spreadOld, mid, spreadNew, mid, alpha, power) <= effect) {
                hi = mid;
            } else {
                lo = mid;
            }
        }
        return hi;
    }
}
