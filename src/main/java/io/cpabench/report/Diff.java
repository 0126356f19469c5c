package io.cpabench.report;

import io.cpabench.stats.RowComparison;
import java.util.List;

/**
 * Two result sets compared row by row: what the forest plot and the compare table show.
 *
 * @param method    how the intervals were made, in words, printed under the table
 * @param minEffect the smallest change worth reporting, as a fraction (0.02 = ±2%)
 * @param latencyMinEffect the same for latency-percentile rows, NaN when the diff has none
 */
record Diff(String oldLabel, String newLabel, String method, double minEffect, List<Row> rows, double latencyMinEffect) {

    /** A diff of scores only. */
    Diff(String oldLabel, String newLabel, String method, double minEffect, List<Row> rows) {
        this(oldLabel, newLabel, method, minEffect, rows, Double.NaN);
    }

    /**
     * @param ratio  new/old of the score (NaN when not comparable)
     * @param low    interval bounds of the ratio, NaN when there is none
     * @param higherIsBetter whether a ratio above 1 is an improvement (throughput) or a regression (time/op)
     * @param verdict "faster", "slower", "~", "unsure", or why the row cannot be compared
     * @param metric "score", or the latency percentile compared ("latency.p99")
     */
    record Row(String label, String unit, double oldScore, double newScore, double ratio, double low, double high,
               boolean higherIsBetter, String verdict, String metric) {

        /** A row's score. */
        Row(String label, String unit, double oldScore, double newScore, double ratio, double low, double high,
            boolean higherIsBetter, String verdict) {
            this(label, unit, oldScore, newScore, ratio, low, high, higherIsBetter, verdict, RowComparison.SCORE);
        }

        boolean isLatency() {
            return !RowComparison.SCORE.equals(metric);
        }
    }
}
