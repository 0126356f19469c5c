package io.cpabench.stats;

import java.util.Optional;

/**
 * One row compared: both sides' fork statistics in the old side's unit, the ratio new/old with its
 * interval, the Mann–Whitney p-value, and the verdict (or why there is none). The same record holds
 * the comparison of one of the row's latency percentiles, a sub-row of it.
 *
 * @param latency     the percentile compared, or null when this is the row's score
 * @param oldInterval null when {@code notComparable} names the old side
 * @param ratio       null when not comparable
 * @param pValue      NaN when either side has too few forks for the rank test
 * @param notComparable null when comparable, else the reason in words
 */
public record RowComparison(RowKey key, LatencyMetric latency, String unit, boolean higherIsBetter,
                            ForkSample oldSample, ForkSample newSample,
                            MeanInterval oldInterval, MeanInterval newInterval,
                            RatioInterval ratio, double pValue, ChangeVerdict verdict, String notComparable) {

    public static final String SCORE = "score";

    public static RowComparison of(PooledRow oldRow, PooledRow newRow, VerdictRule rule, double level) {
        String units = oldRow.higherIsBetter() != newRow.higherIsBetter()
                ? "units " + oldRow.unit() + " and " + newRow.unit() + " measure opposite things" : null;
        return of(oldRow.key(), null, oldRow.unit(), oldRow.higherIsBetter(), oldRow.sample(), newRow.sampleIn(oldRow),
                units, rule, level);
    }

    /**
     * The percentile {@code metric} of the two rows, lower is better; empty when neither side has it,
     * not comparable when only one side has it.
     */
    public static Optional<RowComparison> ofLatency(PooledRow oldRow, PooledRow newRow, LatencyMetric metric,
                                                    VerdictRule rule, double level) {
        ForkSample a = oldRow.latency().get(metric);
        ForkSample b = newRow.latency().get(metric);
        if (a == null && b == null) {
            return Optional.empty();
        }
        String missing = a == null ? "old has no " + metric.key() : b == null ? "new has no " + metric.key() : null;
        ForkSample none = ForkSample.ofMeans();
        return Optional.of(of(oldRow.key(), metric, LatencyMetric.UNIT, false, a == null ? none : a, b == null ? none : b,
                missing, rule, level));
    }

    /** "score", or the percentile's name in JMH's JSON ("latency.p99"). */
    public String metric() {
        return latency == null ? SCORE : latency.key();
    }

    private static RowComparison of(RowKey key, LatencyMetric latency, String unit, boolean higherIsBetter,
                                    ForkSample a, ForkSample b, String problemFirst, VerdictRule rule, double level) {
        String oldProblem = Comparability.problem("old", a);
        String newProblem = Comparability.problem("new", b);
        MeanInterval ai = oldProblem == null ? MeanInterval.of(a, level) : null;
        MeanInterval bi = newProblem == null ? MeanInterval.of(b, level) : null;
        String problem = problemFirst != null ? problemFirst : oldProblem != null ? oldProblem : newProblem;
        if (problem != null) {
            return new RowComparison(key, latency, unit, higherIsBetter, a, b, ai, bi,
                    null, Double.NaN, ChangeVerdict.NOT_COMPARABLE, problem);
        }
        RatioInterval r = RatioInterval.of(a, b, level);
        return new RowComparison(key, latency, unit, higherIsBetter, a, b, ai, bi,
                r, RankSumPValue.pValue(a, b), rule.decide(r, higherIsBetter), null);
    }
}
