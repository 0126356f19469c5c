package io.cpabench.stats;

/**
 * Turns a ratio interval into a verdict, equivalence-test style, around a band of ±{@code minEffect}
 * (the smallest change worth reporting). Worked in the log of the "improvement" ratio, so a 5% gain
 * reads the same for ops/s (higher is better) as for ns/op (lower is better):
 *
 * <ol>
 *   <li>interval entirely beyond the band: {@code faster}/{@code slower}, however wide it is;</li>
 *   <li>interval entirely inside the band: {@code ~} (shown equivalent);</li>
 *   <li>interval half-width over {@value #UNSURE_WIDTH}× the band's: {@code unsure} — it could hide a
 *       change of twice the min-effect, so "no change" would be a guess;</li>
 *   <li>otherwise (narrow): significant (interval excludes 1) and the estimate beyond the band is
 *       {@code faster}/{@code slower}; anything else is {@code ~}, as benchstat says for p ≥ 0.05.</li>
 * </ol>
 *
 * With no true change, rules 1 and 4 both need the interval to miss 1, so a calibrated 95% interval
 * calls at most 5% of A/A rows faster or slower.
 */
public record VerdictRule(double minEffect) {
    public static final double DEFAULT_MIN_EFFECT = 0.02;
    /**
     * For latency percentiles: the smallest band at which the committed A/A pairs of the nightly
     * (jmh-results/aa-2core, 7 pairs × 8 rows × p50/p99/p99.9) call at most 5% of verdicts faster or
     * slower; measured 3 of 168 (1.8%) here, against 15 of 168 (8.9%) at 2% (README, "Comparing runs").
     */
    public static final double DEFAULT_LATENCY_MIN_EFFECT = 0.05;
    static final double UNSURE_WIDTH = 2;

    public VerdictRule {
        if (!(minEffect >= 0 && minEffect < 1)) {
            throw new IllegalArgumentException("min effect must be in [0%, 100%), got " + minEffect);
        }
    }

    public ChangeVerdict decide(RatioInterval r, boolean higherIsBetter) {
        double sign = higherIsBetter ? 1 : -1;
        double point = sign * Math.log(r.ratio());
        double a = sign * Math.log(r.low());
        double b = sign * Math.log(r.high());
        double lo = Math.min(a, b);
        double hi = Math.max(a, b);
        double band = Math.log1p(minEffect);
        if (lo > band) {
            return ChangeVerdict.FASTER;
        }
        if (hi < -band) {
            return ChangeVerdict.SLOWER;
        }
        if (lo >= -band && hi <= band) {
            return ChangeVerdict.SAME;
        }
        if ((hi - lo) / 2 > UNSURE_WIDTH * band) {
            return ChangeVerdict.UNSURE;
        }
        if (lo > 0 && point > band) {
            return ChangeVerdict.FASTER;
        }
        if (hi < 0 && point < -band) {
            return ChangeVerdict.SLOWER;
        }
        return ChangeVerdict.SAME;
    }
}
