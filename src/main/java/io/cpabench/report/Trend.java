package io.cpabench.report;

import io.cpabench.stats.RowKey;
import java.util.List;

/**
 * One result row of one runner and JDK over the nights: its score and, for open-loop rows, its p99,
 * each in the unit of the row's latest night (an earlier night run with another {@code -tu} is
 * converted), and how much worse the last night is than the nights the nightly pooled for it.
 *
 * @param scoreWorse last night against its baseline, as a fraction in the bad direction (0.2 = 20% worse,
 *                   −0.1 = 10% better); NaN when the last night or the baseline lacks the row
 * @param p99Worse   the same for p99 (lower is better), NaN for rows without latency percentiles
 */
record Trend(RowKey key, String label, String unit, boolean higherIsBetter, List<TrendPoint> score,
             List<TrendPoint> p99, double scoreWorse, double p99Worse) {

    boolean hasP99() {
        return !p99.isEmpty();
    }

    /** The larger of the two changes, which orders the rows: the likely culprit of a red night on top. */
    double worst() {
        if (Double.isNaN(scoreWorse)) {
            return p99Worse;
        }
        return Double.isNaN(p99Worse) ? scoreWorse : Math.max(scoreWorse, p99Worse);
    }

    /** Last night's change against the baseline in the bad direction, as "+12.3% worse" / "−4.0% better". */
    static String change(double worse) {
        if (!Double.isFinite(worse)) {
            return "";
        }
        return String.format(java.util.Locale.ROOT, "%s%.1f%% %s", worse >= 0 ? "+" : "−", Math.abs(100 * worse),
                worse >= 0 ? "worse" : "better");
    }
}
