package io.cpabench.stats;

import io.cpabench.results.PrecisionOutcome;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

/**
 * Two sides of result rows matched by {@link RowKey}: the compared rows, the rows only one side has
 * (listed, never dropped), the geometric mean of the ratios per benchmark class and mode, and how
 * busy the machine was on each side when that is known. {@code latency} holds the compared latency
 * percentiles of the rows that have them (sub-rows, judged against their own band), in row order.
 * {@code tooNoisy} holds the rows a side's run marked too noisy on its machine, taken out of
 * {@code rows}, {@code latency} and the geometric means: shown apart, never a verdict.
 */
public record Comparison(double level, double minEffect, List<RowComparison> rows,
                         List<PooledRow> onlyOld, List<PooledRow> onlyNew, List<Geomean> geomeans, List<SideLoad> loads,
                         double latencyMinEffect, List<RowComparison> latency, List<TooNoisy> tooNoisy) {

    public static final double LEVEL = 0.95;

    /** The geometric mean of new/old over a class's comparable rows of one mode. */
    public record Geomean(String benchmarkClass, String mode, double ratio, int rows) {}

    /** With the default band for latency percentiles. */
    public static Comparison of(Map<RowKey, PooledRow> oldRows, Map<RowKey, PooledRow> newRows, VerdictRule rule) {
        return of(oldRows, newRows, rule, new VerdictRule(VerdictRule.DEFAULT_LATENCY_MIN_EFFECT));
    }

    public static Comparison of(Map<RowKey, PooledRow> oldRows, Map<RowKey, PooledRow> newRows, VerdictRule rule,
                                VerdictRule latencyRule) {
        List<RowComparison> rows = new ArrayList<>();
        List<RowComparison> latency = new ArrayList<>();
        List<PooledRow> onlyOld = new ArrayList<>();
        List<PooledRow> onlyNew = new ArrayList<>();
        for (RowKey k : new TreeSet<>(union(oldRows, newRows))) {
            PooledRow a = oldRows.get(k);
            PooledRow b = newRows.get(k);
            if (a != null && b != null) {
                rows.add(RowComparison.of(a, b, rule, LEVEL));
                for (LatencyMetric m : LatencyMetric.values()) {
                    RowComparison.ofLatency(a, b, m, latencyRule, LEVEL).ifPresent(latency::add);
                }
            } else if (a != null) {
                onlyOld.add(a);
            } else {
                onlyNew.add(b);
            }
        }
        return new Comparison(LEVEL, rule.minEffect(), rows, onlyOld, onlyNew, geomeans(rows), List.of(),
                latencyRule.minEffect(), latency, List.of());
    }

    public Comparison withLoads(List<SideLoad> sideLoads) {
        return new Comparison(level, minEffect, rows, onlyOld, onlyNew, geomeans, List.copyOf(sideLoads),
                latencyMinEffect, latency, tooNoisy);
    }

    /** The rows either side marked too noisy on its machine ({@link TooNoisy#marks}) moved apart. */
    public Comparison withTooNoisy(Map<RowKey, PrecisionOutcome> oldMarks, Map<RowKey, PrecisionOutcome> newMarks) {
        List<RowComparison> judged = new ArrayList<>();
        List<TooNoisy> apart = new ArrayList<>(tooNoisy);
        for (RowComparison r : rows) {
            if (oldMarks.containsKey(r.key()) || newMarks.containsKey(r.key())) {
                apart.add(new TooNoisy(r, oldMarks.get(r.key()), newMarks.get(r.key())));
            } else {
                judged.add(r);
            }
        }
        List<RowComparison> judgedLatency = latency.stream().filter(l -> !oldMarks.containsKey(l.key()) && !newMarks.containsKey(l.key())).toList();
        return new Comparison(level, minEffect, judged, onlyOld, onlyNew, geomeans(judged), loads, latencyMinEffect, judgedLatency,
                List.copyOf(apart));
    }

    /** A significantly slower score, or a significantly higher latency percentile. */
    public boolean anyRegression() {
        return rows.stream().anyMatch(r -> r.verdict() == ChangeVerdict.SLOWER)
                || latency.stream().anyMatch(r -> r.verdict() == ChangeVerdict.SLOWER);
    }

    /** The latency sub-rows of one compared row, p50 first. */
    public List<RowComparison> latencyOf(RowKey key) {
        return latency.stream().filter(r -> r.key().equals(key)).toList();
    }

    /** The band a row was judged against: the score's, or the latency percentiles'. */
    public double band(RowComparison r) {
        return r.latency() == null ? minEffect : latencyMinEffect;
    }

    private static List<RowKey> union(Map<RowKey, PooledRow> a, Map<RowKey, PooledRow> b) {
        List<RowKey> all = new ArrayList<>(a.keySet());
        all.addAll(b.keySet());
        return all;
    }

    // Per mode as well as per class: a thrpt ratio and an avgt ratio point opposite ways.
    private static List<Geomean> geomeans(List<RowComparison> rows) {
        Map<String, List<RowComparison>> groups = new LinkedHashMap<>();
        for (RowComparison r : rows) {
            if (r.ratio() != null) {
                groups.computeIfAbsent(r.key().className() + "\u0000" + r.key().mode(), g -> new ArrayList<>()).add(r);
            }
        }
        List<Geomean> out = new ArrayList<>();
        groups.forEach((g, rs) -> out.add(new Geomean(rs.get(0).key().className(), rs.get(0).key().mode(),
                Math.exp(rs.stream().mapToDouble(r -> Math.log(r.ratio().ratio())).average().orElse(Double.NaN)),
                rs.size())));
        return out;
    }
}
