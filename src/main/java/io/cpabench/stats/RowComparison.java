package io.cpabench.stats;

/**
 * One row compared: both sides' fork statistics in the old side's unit, the ratio new/old with its
 * interval, the Mann–Whitney p-value, and the verdict (or why there is none).
 *
 * @param oldInterval null when {@code notComparable} names the old side
 * @param ratio       null when not comparable
 * @param pValue      NaN when either side has too few forks for the rank test
 * @param notComparable null when comparable, else the reason in words
 */
public record RowComparison(RowKey key, String unit, boolean higherIsBetter,
                            ForkSample oldSample, ForkSample newSample,
                            MeanInterval oldInterval, MeanInterval newInterval,
                            RatioInterval ratio, double pValue, ChangeVerdict verdict, String notComparable) {

    public static RowComparison of(PooledRow oldRow, PooledRow newRow, VerdictRule rule, double level) {
        ForkSample a = oldRow.sample();
        ForkSample b = newRow.sampleIn(oldRow);
        String oldProblem = Comparability.problem("old", a);
        String newProblem = Comparability.problem("new", b);
        MeanInterval ai = oldProblem == null ? MeanInterval.of(a, level) : null;
        MeanInterval bi = newProblem == null ? MeanInterval.of(b, level) : null;
        String problem = oldRow.higherIsBetter() != newRow.higherIsBetter()
                ? "units " + oldRow.unit() + " and " + newRow.unit() + " measure opposite things"
                : oldProblem != null ? oldProblem : newProblem;
        if (problem != null) {
            return new RowComparison(oldRow.key(), oldRow.unit(), oldRow.higherIsBetter(), a, b, ai, bi,
                    null, Double.NaN, ChangeVerdict.NOT_COMPARABLE, problem);
        }
        RatioInterval r = RatioInterval.of(a, b, level);
        return new RowComparison(oldRow.key(), oldRow.unit(), oldRow.higherIsBetter(), a, b, ai, bi,
                r, RankTest.pValue(a, b), rule.decide(r, oldRow.higherIsBetter()), null);
    }
}
