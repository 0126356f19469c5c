package io.cpabench.report;

import io.cpabench.stats.NoiseFloor;
import io.cpabench.stats.RowComparison;
import io.cpabench.stats.RowKey;
import java.util.List;

/**
 * Two result sets compared row by row: what the forest plot and the compare table show.
 *
 * @param method    how the intervals were made, in words, printed under the table
 * @param minEffect the smallest change worth reporting, as a fraction (0.02 = ±2%)
 * @param latencyMinEffect the same for latency-percentile rows, NaN when the diff has none
 * @param floor     the noise-floor calibration whose detectable effects the table shows, or null
 */
record Diff(String oldLabel, String newLabel, String method, double minEffect, List<Row> rows, double latencyMinEffect,
            NoiseFloor.Calibration floor) {

    /** A diff of scores only. */
    Diff(String oldLabel, String newLabel, String method, double minEffect, List<Row> rows) {
        this(oldLabel, newLabel, method, minEffect, rows, Double.NaN, null);
    }

    Diff(String oldLabel, String newLabel, String method, double minEffect, List<Row> rows, double latencyMinEffect) {
        this(oldLabel, newLabel, method, minEffect, rows, latencyMinEffect, null);
    }

    /**
     * {@code old} against {@code neu} as compare makes it, from fork-level statistics, when the runs have
     * the forks for them; otherwise (quick and smoke profiles run one fork) from JMH's own errors, so a
     * diff of two laptop runs still shows something, labelled as such.
     */
    static Diff between(ResultSet old, ResultSet neu) {
        Diff forks = ForkStatsDiff.compare(old, neu);
        if (ForkStatsDiff.anyRatio(forks)) {
            return forks;
        }
        Diff jmh = JmhErrorDiff.compare(old, neu);
        return new Diff(jmh.oldLabel(), jmh.newLabel(), "fewer than 2 forks per row, so no fork-level interval: "
                + jmh.method(), jmh.minEffect(), jmh.rows());
    }

    /** The same diff with each row's detectable effect from a noise-floor calibration beside its verdict. */
    Diff withFloor(NoiseFloor.Calibration calibration) {
        return new Diff(oldLabel, newLabel, method, minEffect, rows, latencyMinEffect, calibration);
    }

    /**
     * @param ratio  new/old of the score (NaN when not comparable)
     * @param low    interval bounds of the ratio, NaN when there is none
     * @param higherIsBetter whether a ratio above 1 is an improvement (throughput) or a regression (time/op)
     * @param verdict "faster", "slower", "~", "unsure", "too noisy on this machine (…)" for a row a run
     *                marked so, or why the row cannot be compared
     * @param key    the row's identity, to find it in a noise-floor file
     * @param metric "score", or the latency percentile compared ("latency.p99")
     */
    record Row(String label, String unit, double oldScore, double newScore, double ratio, double low, double high,
               boolean higherIsBetter, String verdict, RowKey key, String metric) {

        /** A row's score. */
        Row(String label, String unit, double oldScore, double newScore, double ratio, double low, double high,
            boolean higherIsBetter, String verdict, RowKey key) {
            this(label, unit, oldScore, newScore, ratio, low, high, higherIsBetter, verdict, key, RowComparison.SCORE);
        }

        boolean isLatency() {
            return !RowComparison.SCORE.equals(metric);
        }
    }
}
