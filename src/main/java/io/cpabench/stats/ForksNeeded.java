package io.cpabench.stats;

import java.util.OptionalInt;

/**
 * For an {@code unsure} row: how many forks a side would narrow its interval enough for a verdict,
 * if the spread between fork means stayed what it was. It tells the reader which cure applies: a
 * handful more forks means "run more"; hundreds mean the measurement itself swings between regimes
 * lasting longer than a fork, and the fix is in the benchmark or the machine, not in the sample.
 */
public final class ForksNeeded {
    /** Past this, the answer is "more than": no nightly runs a thousand forks of one row. */
    public static final int CAP = 1000;

    private ForksNeeded() {}

    /** Empty unless the row is unsure; {@link #CAP} + 1 stands for "more than {@value #CAP}". */
    public static OptionalInt of(RowComparison r, double minEffect, double level) {
        if (r.verdict() != ChangeVerdict.UNSURE) {
            return OptionalInt.empty();
        }
        double variance = (r.oldSample().logVariance() + r.newSample().logVariance()) / 2;
        // Below this half-width VerdictRule no longer says unsure.
        double target = VerdictRule.UNSURE_WIDTH * Math.log1p(minEffect);
        for (int n = Comparability.MIN_FORKS; n <= CAP; n++) {
            if (MeanInterval.quantile(2.0 * n - 2, level) * Math.sqrt(2 * variance / n) <= target) {
                return OptionalInt.of(n);
            }
        }
        return OptionalInt.of(CAP + 1);
    }

    /** The spread of a side's fork means as a fraction (the standard deviation of their logs). */
    public static double spread(ForkSample s) {
        return Math.sqrt(s.logVariance());
    }

    public static String text(int forks) {
        return forks > CAP ? "more than " + CAP : String.valueOf(forks);
    }
}
