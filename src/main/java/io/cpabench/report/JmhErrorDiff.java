package io.cpabench.report;

import io.cpabench.results.JmhRow;
import io.cpabench.stats.RatioInterval;
import io.cpabench.stats.RowKey;
import io.cpabench.stats.VerdictRule;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The fallback diff: new/old of JMH's scores, with an interval from JMH's own 99.9% errors combined in
 * quadrature on the log scale. JMH's error treats iterations as independent, so the interval is too
 * narrow when forks differ; the page says so under the table.
 */
final class JmhErrorDiff {
    static final double MIN_EFFECT = VerdictRule.DEFAULT_MIN_EFFECT;

    private JmhErrorDiff() {}

    static Diff compare(ResultSet oldSet, ResultSet newSet) {
        Map<List<Object>, JmhRow> old = index(oldSet.rows());
        Map<List<Object>, JmhRow> neu = index(newSet.rows());
        List<Map<String, String>> params = new ArrayList<>();
        old.keySet().stream().filter(neu::containsKey).forEach(k -> params.add(old.get(k).params()));
        RowLabels labels = new RowLabels(params);
        List<Diff.Row> rows = new ArrayList<>();
        for (Map.Entry<List<Object>, JmhRow> e : old.entrySet()) {
            JmhRow b = neu.get(e.getKey());
            if (b != null) {
                rows.add(row(labels.of(e.getValue()), e.getValue(), b));
            }
        }
        return new Diff(oldSet.label(), newSet.label(),
                "ratio of JMH scores; interval from JMH's 99.9% score errors, which treat iterations as "
                        + "independent and so run narrow", MIN_EFFECT, rows);
    }

    private static Map<List<Object>, JmhRow> index(List<JmhRow> rows) {
        Map<List<Object>, JmhRow> out = new LinkedHashMap<>();
        rows.forEach(r -> out.putIfAbsent(List.of(r.benchmark(), r.mode(), r.threads(), new java.util.TreeMap<>(r.params())), r));
        return out;
    }

    static Diff.Row row(String label, JmhRow a, JmhRow b) {
        boolean higher = a.unit().startsWith("ops/");
        if (higher != b.unit().startsWith("ops/")) {
            return new Diff.Row(label, a.unit(), a.score(), b.score(), Double.NaN, Double.NaN, Double.NaN, higher,
                    "units " + a.unit() + " and " + b.unit() + " measure opposite things", RowKey.of(a));
        }
        String unit = higher ? "ops/s" : "ns/op";
        double fa = factor(a, higher);
        double fb = factor(b, higher);
        double x = a.score() * fa;
        double y = b.score() * fb;
        if (!(x > 0 && y > 0)) {
            return new Diff.Row(label, unit, x, y, Double.NaN, Double.NaN, Double.NaN, higher, "no score", RowKey.of(a));
        }
        double ratio = y / x;
        double rel = Math.sqrt(sq(a.error() / a.score()) + sq(b.error() / b.score()));
        double low = Double.isFinite(rel) ? ratio * Math.exp(-rel) : Double.NaN;
        double high = Double.isFinite(rel) ? ratio * Math.exp(rel) : Double.NaN;
        return new Diff.Row(label, unit, x, y, ratio, low, high, higher, verdict(ratio, low, high, higher), RowKey.of(a));
    }

    // compare's own rule on JMH's interval, so the fallback and the fork-level diff never disagree on method.
    static String verdict(double ratio, double low, double high, boolean higherIsBetter) {
        if (!Double.isFinite(low)) {
            return "unsure";
        }
        return new VerdictRule(MIN_EFFECT).decide(new RatioInterval(ratio, low, high), higherIsBetter).word();
    }

    private static double factor(JmhRow r, boolean throughput) {
        try {
            return throughput ? r.perSecondFactor() : r.nanosFactor();
        } catch (IllegalArgumentException e) {
            return 1;
        }
    }

    private static double sq(double x) {
        return x * x;
    }
}
