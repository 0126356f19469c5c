package io.cpabench.stats;

import org.hipparchus.stat.inference.MannWhitneyUTest;

/**
 * Two-sided Mann–Whitney p-value on fork means: a check on the t-based verdict that assumes nothing
 * about the shape of the fork distribution. Exact for small tie-free samples (Hipparchus switches to
 * the normal approximation above 50 values or with ties).
 */
public final class RankSumPValue {
    private RankSumPValue() {}

    /** NaN when either side has too few forks for the test to mean anything. */
    public static double pValue(ForkSample oldSide, ForkSample newSide) {
        if (Math.min(oldSide.forks(), newSide.forks()) < Comparability.MIN_FORKS_FOR_RANK_TEST) {
            return Double.NaN;
        }
        return new MannWhitneyUTest().mannWhitneyUTest(oldSide.means(), newSide.means());
    }
}
