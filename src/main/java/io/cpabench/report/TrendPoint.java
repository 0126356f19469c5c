package io.cpabench.report;

import io.cpabench.stats.Comparability;
import io.cpabench.stats.Comparison;
import io.cpabench.stats.ForkSample;
import io.cpabench.stats.MeanInterval;
import java.time.LocalDate;

/**
 * One night of one row's score or percentile: the mean of its fork means and the same Student-t
 * interval over forks that {@code compare} puts on each side (95%); no interval below two forks.
 *
 * @param low  NaN when the night has too few forks for an interval
 */
record TrendPoint(LocalDate night, double mean, double low, double high, int forks, NightMark mark) {

    /** Null when the sample has no fork. */
    static TrendPoint of(LocalDate night, ForkSample sample, NightMark mark) {
        if (sample.forks() == 0) {
            return null;
        }
        if (sample.forks() < Comparability.MIN_FORKS) {
            return new TrendPoint(night, sample.mean(), Double.NaN, Double.NaN, sample.forks(), mark);
        }
        MeanInterval i = MeanInterval.of(sample, Comparison.LEVEL);
        return new TrendPoint(night, i.mean(), i.low(), i.high(), sample.forks(), mark);
    }

    boolean hasInterval() {
        return Double.isFinite(low) && Double.isFinite(high);
    }

    /** The half-width the chart draws as an error bar (the t interval is symmetric), 0 without one. */
    double halfWidth() {
        return hasInterval() ? (high - low) / 2 : 0;
    }
}
