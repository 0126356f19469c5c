package io.cpabench.report;

import io.cpabench.stats.ForkSample;
import io.cpabench.stats.LatencyMetric;
import io.cpabench.stats.PooledRow;
import io.cpabench.stats.RowKey;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Builds the trends of every runner and JDK label in a history and orders them for the page people
 * open when the nightly turns red: sets whose last night is flagged (and not accepted) first, then
 * those whose last night was accepted, then the rest; inside a set, the rows whose last night moved
 * furthest in the bad direction first.
 */
final class TrendSets {
    private static final Pattern JDK = Pattern.compile("jdk(\\d+)(.*)");

    private TrendSets() {}

    static List<TrendSet> of(List<HistoryLayout.NightDir> nights, List<String> leftOut) {
        Map<List<String>, List<HistoryLayout.NightDir>> bySet = new LinkedHashMap<>();
        for (HistoryLayout.NightDir n : nights) {
            bySet.computeIfAbsent(List.of(n.runner(), n.jdk()), k -> new ArrayList<>()).add(n);
        }
        List<TrendSet> sets = new ArrayList<>();
        bySet.values().forEach(ns -> {
            ns.sort(Comparator.comparing(HistoryLayout.NightDir::night));
            sets.add(set(ns, leftOut));
        });
        sets.sort(Comparator.comparingInt((TrendSet s) -> urgency(s.last().mark()))
                .thenComparing(TrendSet::runner).thenComparing(TrendSet::jdk, TrendSets::compareJdk));
        return sets;
    }

    private static int urgency(NightMark m) {
        return m.flagged() ? 0 : m.accepted() ? 1 : 2;
    }

    /** jdk8 before jdk17 before jdk25, then by what follows the number (jdk25-zgc). */
    static int compareJdk(String a, String b) {
        Matcher x = JDK.matcher(a);
        Matcher y = JDK.matcher(b);
        if (x.matches() && y.matches() && x.group(1).length() < 10 && y.group(1).length() < 10) {
            int c = Integer.compare(Integer.parseInt(x.group(1)), Integer.parseInt(y.group(1)));
            return c != 0 ? c : x.group(2).compareTo(y.group(2));
        }
        return a.compareTo(b);
    }

    private static TrendSet set(List<HistoryLayout.NightDir> nights, List<String> leftOut) {
        Map<HistoryLayout.NightDir, Map<RowKey, PooledRow>> rows = new LinkedHashMap<>();
        nights.forEach(n -> rows.put(n, NightRows.read(n, leftOut)));
        List<HistoryLayout.NightDir> baseline = BaselineNights.of(nights, n -> !rows.get(n).isEmpty());
        TreeSet<RowKey> keys = new TreeSet<>();
        rows.values().forEach(r -> keys.addAll(r.keySet()));
        RowLabels labels = new RowLabels(keys.stream().<Map<String, String>>map(RowKey::params).toList());
        HistoryLayout.NightDir last = nights.get(nights.size() - 1);
        List<Trend> trends = new ArrayList<>();
        for (RowKey key : keys) {
            trends.add(trend(key, labels.of(key.shortName(), key.threads(), key.params()), rows, last, baseline, leftOut));
        }
        trends.sort(Comparator.comparingDouble((Trend t) -> Double.isNaN(t.worst()) ? Double.NEGATIVE_INFINITY : t.worst())
                .reversed().thenComparing(Trend::key));
        return new TrendSet(last.runner(), last.jdk(), List.copyOf(nights),
                baseline.stream().map(HistoryLayout.NightDir::night).toList(), trends);
    }

    private static Trend trend(RowKey key, String label, Map<HistoryLayout.NightDir, Map<RowKey, PooledRow>> rows,
                               HistoryLayout.NightDir last, List<HistoryLayout.NightDir> baseline, List<String> leftOut) {
        // The latest night's unit is the one the reader compares against, so every night is shown in it.
        PooledRow ref = null;
        for (Map<RowKey, PooledRow> r : rows.values()) {
            ref = r.getOrDefault(key, ref);
        }
        Map<HistoryLayout.NightDir, ForkSample> score = new TreeMap<>(Comparator.comparing(HistoryLayout.NightDir::night));
        Map<HistoryLayout.NightDir, ForkSample> p99 = new TreeMap<>(Comparator.comparing(HistoryLayout.NightDir::night));
        for (Map.Entry<HistoryLayout.NightDir, Map<RowKey, PooledRow>> e : rows.entrySet()) {
            PooledRow p = e.getValue().get(key);
            if (p == null) {
                continue;
            }
            if (p.higherIsBetter() != ref.higherIsBetter()) {
                leftOut.add(e.getKey().name() + ": " + label + " is in " + p.unit() + " here but in " + ref.unit()
                        + " on the latest night; left out of its trend");
                continue;
            }
            score.put(e.getKey(), p.sampleIn(ref));
            ForkSample tail = p.latency().get(LatencyMetric.P99);
            if (tail != null) {
                p99.put(e.getKey(), tail);
            }
        }
        return new Trend(key, label, ref.unit(), ref.higherIsBetter(), points(score), points(p99),
                worse(score, last, baseline, ref.higherIsBetter()), worse(p99, last, baseline, false));
    }

    private static List<TrendPoint> points(Map<HistoryLayout.NightDir, ForkSample> samples) {
        List<TrendPoint> out = new ArrayList<>();
        samples.forEach((n, s) -> {
            TrendPoint p = TrendPoint.of(n.night(), s, n.mark());
            if (p != null) {
                out.add(p);
            }
        });
        return out;
    }

    /** Last night's mean against the mean of the baseline nights' pooled forks, in the bad direction. */
    private static double worse(Map<HistoryLayout.NightDir, ForkSample> samples, HistoryLayout.NightDir last,
                                List<HistoryLayout.NightDir> baseline, boolean higherIsBetter) {
        ForkSample now = samples.get(last);
        ForkSample before = baseline.stream().map(samples::get).filter(java.util.Objects::nonNull)
                .reduce(ForkSample::pool).orElse(null);
        if (now == null || before == null || !(now.mean() > 0) || !(before.mean() > 0)) {
            return Double.NaN;
        }
        double ratio = now.mean() / before.mean();
        return higherIsBetter ? 1 / ratio - 1 : ratio - 1;
    }
}
