package io.cpabench.report;

import io.cpabench.results.JmhRow;
import io.cpabench.stats.Comparison;
import io.cpabench.stats.PooledRow;
import io.cpabench.stats.RowComparison;
import io.cpabench.stats.RowKey;
import io.cpabench.stats.TooNoisy;
import io.cpabench.stats.VerdictRule;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The diff as {@code compare} makes it: fork means, a 95% Welch interval for the ratio, the verdict
 * rule's ±min-effect band, and each row's latency percentiles as rows of their own right after it,
 * against the latency band. Rows only one side has are listed, not dropped.
 */
final class ForkStatsDiff {
    private ForkStatsDiff() {}

    static Diff compare(ResultSet oldSet, ResultSet newSet) {
        // rows a run marked too noisy on its machine get no verdict here either, as in compare
        Comparison c = Comparison.of(pooled(oldSet), pooled(newSet), new VerdictRule(VerdictRule.DEFAULT_MIN_EFFECT))
                .withTooNoisy(TooNoisy.marks(oldSet.env()), TooNoisy.marks(newSet.env()));
        List<Map<String, String>> params = new ArrayList<>();
        c.rows().forEach(r -> params.add(r.key().params()));
        c.tooNoisy().forEach(t -> params.add(t.row().key().params()));
        RowLabels labels = new RowLabels(params);
        List<Diff.Row> rows = new ArrayList<>();
        for (RowComparison r : c.rows()) {
            rows.add(row(label(labels, r.key()), r));
            c.latencyOf(r.key()).forEach(l -> rows.add(row(label(labels, l.key()) + " · " + l.latency().label(), l)));
        }
        c.tooNoisy().forEach(t -> rows.add(row(label(labels, t.row().key()), t.row(), "too noisy on this machine (" + t.marksText() + ")")));
        c.onlyOld().forEach(p -> rows.add(only(labels, p, true)));
        c.onlyNew().forEach(p -> rows.add(only(labels, p, false)));
        String method = String.format(java.util.Locale.ROOT,
                "ratio of the geometric means of fork means; %.0f%% Welch t interval over forks (as compare); "
                        + "band ±%.0f%%", 100 * c.level(), 100 * c.minEffect())
                + (c.latency().isEmpty() ? "" : String.format(java.util.Locale.ROOT,
                        "; latency percentiles (· p50, p99, p99.9; ms, lower is better) the same way, band ±%.0f%%",
                        100 * c.latencyMinEffect()));
        return new Diff(oldSet.label(), newSet.label(), method, c.minEffect(), rows,
                c.latency().isEmpty() ? Double.NaN : c.latencyMinEffect());
    }

    private static Diff.Row row(String label, RowComparison r) {
        return row(label, r, r.notComparable() != null ? "not comparable: " + r.notComparable() : r.verdict().word());
    }

    private static Diff.Row row(String label, RowComparison r, String verdict) {
        boolean ratio = r.ratio() != null;
        return new Diff.Row(label, r.unit(), r.oldSample().mean(), r.newSample().mean(),
                ratio ? r.ratio().ratio() : Double.NaN, ratio ? r.ratio().low() : Double.NaN,
                ratio ? r.ratio().high() : Double.NaN, r.higherIsBetter(),
                verdict, r.key(), r.metric());
    }

    /** True when at least one row has a ratio: with one fork per row, fork statistics have nothing to say. */
    static boolean anyRatio(Diff d) {
        return d.rows().stream().anyMatch(r -> Double.isFinite(r.ratio()));
    }

    // Rows whose unit compare cannot read (neither ops/time nor time/op) stay out of the diff, as they do in compare.
    private static Map<RowKey, PooledRow> pooled(ResultSet s) {
        Map<RowKey, PooledRow> out = new TreeMap<>();
        for (JmhRow row : s.rows()) {
            try {
                out.merge(RowKey.of(row), PooledRow.of(row), (had, added) -> had.pool(row));
            } catch (IllegalArgumentException e) {
                // skipped: not a directional unit
            }
        }
        return out;
    }

    private static String label(RowLabels labels, RowKey k) {
        return labels.of(k.shortName(), k.threads(), k.params());
    }

    private static Diff.Row only(RowLabels labels, PooledRow p, boolean oldSide) {
        double mean = p.sample().mean();
        return new Diff.Row(label(labels, p.key()), p.unit(), oldSide ? mean : Double.NaN, oldSide ? Double.NaN : mean,
                Double.NaN, Double.NaN, Double.NaN, p.higherIsBetter(), oldSide ? "only in old" : "only in new", p.key());
    }
}
