package io.cpabench.stats;

import io.cpabench.results.Numbers;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/** The cell texts every compare format shares, so text and Markdown never disagree on a number. */
final class Cells {
    private Cells() {}

    /** "57,800 ± 1,200": the error, the 95% half-width, sets the digits. */
    static String score(MeanInterval ci, ForkSample sample) {
        if (ci == null) {
            return Numbers.sig(sample.mean(), 3);
        }
        String[] s = Numbers.withError(ci.mean(), ci.halfWidth());
        return "n/a".equals(s[1]) ? s[0] : s[0] + " ± " + s[1];
    }

    static String ratio(double r) {
        return String.format(Locale.ROOT, r >= 10 ? "%.1f" : "%.3f", r);
    }

    static String interval(RatioInterval r) {
        return r == null ? "" : "[" + ratio(r.low()) + ", " + ratio(r.high()) + "]";
    }

    static String ratio(RatioInterval r) {
        return r == null ? "—" : ratio(r.ratio());
    }

    static String p(double p) {
        return Double.isNaN(p) ? "—" : String.format(Locale.ROOT, p < 0.001 ? "%.1e" : "%.3f", p);
    }

    static String verdict(RowComparison r) {
        return r.notComparable() == null ? r.verdict().word() : r.verdict().word() + ": " + r.notComparable();
    }

    static String direction(String unit, boolean higherIsBetter) {
        return unit + ", " + (higherIsBetter ? "higher" : "lower") + " is better";
    }

    /** Rows grouped by benchmark method and mode, in key order: one table section each. */
    static Map<String, List<RowComparison>> sections(List<RowComparison> rows) {
        Map<String, List<RowComparison>> out = new LinkedHashMap<>();
        rows.forEach(r -> out.computeIfAbsent(r.key().shortName() + " " + r.key().mode(), k -> new ArrayList<>()).add(r));
        return out;
    }

    /**
     * The params that tell a section's rows apart (benchstat shows only those); all of them when
     * nothing varies. "threads" counts as a param when it varies.
     */
    static Set<String> varying(List<RowKey> keys) {
        Set<String> all = new TreeSet<>();
        keys.forEach(k -> all.addAll(k.params().keySet()));
        Set<String> varying = new TreeSet<>();
        for (String p : all) {
            if (keys.stream().map(k -> k.params().get(p)).distinct().count() > 1) {
                varying.add(p);
            }
        }
        if (keys.stream().map(RowKey::threads).distinct().count() > 1) {
            varying.add("threads");
        }
        return varying.isEmpty() ? all : varying;
    }

    /** "18 rows compared: 15 ~, 1 faster, 1 slower, 1 unsure; 2 only in old; 24 latency percentiles compared: 24 ~". */
    static String summary(Comparison c) {
        StringBuilder s = new StringBuilder(c.rows().size() + " rows compared: " + counts(c.rows()));
        if (!c.onlyOld().isEmpty()) {
            s.append("; ").append(c.onlyOld().size()).append(" only in old");
        }
        if (!c.onlyNew().isEmpty()) {
            s.append("; ").append(c.onlyNew().size()).append(" only in new");
        }
        if (!c.latency().isEmpty()) {
            s.append("; ").append(c.latency().size()).append(" latency percentiles compared: ").append(counts(c.latency()));
        }
        if (!c.tooNoisy().isEmpty()) {
            s.append("; ").append(c.tooNoisy().size()).append(" too noisy on this machine, not judged");
        }
        return s.toString();
    }

    private static String counts(List<RowComparison> rows) {
        Map<ChangeVerdict, Integer> counts = new LinkedHashMap<>();
        for (ChangeVerdict v : ChangeVerdict.values()) {
            counts.put(v, 0);
        }
        rows.forEach(r -> counts.merge(r.verdict(), 1, Integer::sum));
        List<String> parts = new ArrayList<>();
        counts.forEach((v, n) -> {
            if (n > 0) {
                parts.add(n + " " + v.word());
            }
        });
        return String.join(", ", parts);
    }

    /** A sub-row's first cell: "↳ p99 (ms)". */
    static String subRow(RowComparison r) {
        return "↳ " + r.latency().label() + " (" + r.unit() + ")";
    }

    /** Appended to a section's heading when its rows have latency sub-rows, which point the other way. */
    static String subRowDirection(Comparison c, List<RowComparison> rows) {
        return rows.stream().anyMatch(r -> !c.latencyOf(r.key()).isEmpty())
                ? "; ↳ latency percentiles: " + direction(LatencyMetric.UNIT, false) + ", band ±" + percent(c.latencyMinEffect())
                : "";
    }

    /**
     * One line per unsure row: the forks a side its verdict would need, and how widely its fork means
     * spread on each side; empty when no row is unsure.
     */
    static List<String> unsureNotes(Comparison c) {
        List<String> out = new ArrayList<>();
        sections(c.rows()).forEach((name, rows) -> {
            Set<String> shown = varying(rows.stream().map(RowComparison::key).toList());
            for (RowComparison row : rows) {
                List<RowComparison> all = new ArrayList<>(List.of(row));
                all.addAll(c.latencyOf(row.key()));
                for (RowComparison r : all) {
                    String what = name + " " + row.key().paramsText(shown) + (r.latency() == null ? "" : " " + r.latency().label());
                    ForksNeeded.of(r, c.band(r), c.level()).ifPresent(n -> out.add(String.format(Locale.ROOT,
                            "%s: %s forks a side (fork means spread %s old, %s new)", what,
                            ForksNeeded.text(n), percent(ForksNeeded.spread(r.oldSample())),
                            percent(ForksNeeded.spread(r.newSample())))));
                }
            }
        });
        return out;
    }

    static String unsureTitle(Comparison c) {
        return "unsure rows: forks a side for a verdict at ±" + percent(c.minEffect())
                + (c.latency().isEmpty() ? "" : " (latency percentiles ±" + percent(c.latencyMinEffect()) + ")")
                + " if fork means keep their spread (hundreds: the measurement swings, more forks will not settle it)";
    }

    static String method(Comparison c) {
        return String.format(Locale.ROOT, "new/old: ratio of geometric means of fork means, %d%% CI by Welch t on log fork means;"
                + " verdict band ±%s; p: Mann–Whitney on fork means (≥ %d forks a side)",
                Math.round(c.level() * 100), percent(c.minEffect()), Comparability.MIN_FORKS_FOR_RANK_TEST)
                + (c.latency().isEmpty() ? "" : "; latency sub-rows: the same on each fork's mean of its per-iteration"
                        + " percentiles (ms, lower is better), band ±" + percent(c.latencyMinEffect()));
    }

    static String percent(double fraction) {
        return Numbers.sig(fraction * 100, 3) + "%";
    }

    /** "DispatchBenchmark.run model=X workers=2: new/old 0.928 [0.874, 0.985]; new: spread 18% after 30 forks, ±6.4% (wanted ±2%)". */
    static String tooNoisy(TooNoisy t) {
        RowComparison r = t.row();
        return r.key().shortName() + (r.key().threads() != 1 ? " threads=" + r.key().threads() : "") + " " + r.key().paramsText()
                + ": new/old " + ratio(r.ratio()) + " " + interval(r.ratio()) + "; " + t.marksText();
    }

    static final String TOO_NOISY_TITLE = "too noisy on this machine, not judged (forks until precise reached its cap short of its precision):";

    static String oneSided(PooledRow r) {
        return r.key().shortName() + " " + r.key().mode() + " " + r.key().paramsText()
                + (r.key().threads() > 1 ? " threads=" + r.key().threads() : "") + " (" + r.sample().forks() + " forks)";
    }
}
