package io.cpabench.tables;

import io.cpabench.results.JmhRow;
import io.cpabench.results.Numbers;
import io.cpabench.results.ScalingRows;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Predicate;
import java.util.stream.Collectors;

/**
 * The tables a user reads after a run: per workload, how each model's tasks/s compares with
 * SEQUENTIAL and what that means; each model's dispatch cost; JMH-thread scaling with and without the GIL.
 */
public final class HeadlineTables {
    private final List<JmhRow> rows;
    private final int cores;

    public HeadlineTables(List<JmhRow> rows, int cores) {
        this.rows = rows;
        this.cores = cores;
    }

    public String render() {
        StringBuilder out = new StringBuilder();
        scaling(out);
        dispatch(out);
        threads(out);
        out.append(new SimdTable(rows).render());
        return out.toString();
    }

    private void scaling(StringBuilder out) {
        List<JmhRow> scaling = of("ScalingBenchmark.");
        for (Map.Entry<String, List<JmhRow>> table : byTitle(scaling, Set.of("model", "workers")).entrySet()) {
            TextTable t = new TextTable("model", ">workers", ">tasks/s", ">± error", ">speedup", "verdict");
            for (JmhRow r : sequentialFirst(table.getValue())) {
                double tasks = number(r.param("tasks"), 1);
                double perSecond = r.perSecondFactor() * tasks;
                double base = baseline(scaling, r);
                double speedup = base > 0 ? r.score() * r.perSecondFactor() / base : Double.NaN;
                int workers = (int) number(r.param("workers"), 1);
                String[] v = Numbers.withError(r.score() * perSecond, r.error() * perSecond);
                t.row(r.param("model"), r.param("workers"), v[0], v[1], Numbers.times(speedup),
                        Verdict.of(r.param("model"), r.param("workload"), speedup, workers, cores));
            }
            out.append(System.lineSeparator()).append(table.getKey()).append(System.lineSeparator())
                    .append(t.render());
        }
    }

    private void dispatch(StringBuilder out) {
        List<JmhRow> dispatch = of("DispatchBenchmark.");
        for (Map.Entry<String, List<JmhRow>> table : byTitle(dispatch, Set.of("model", "workers")).entrySet()) {
            TextTable t = new TextTable("model", ">workers", ">ns per task", ">± error");
            for (JmhRow r : table.getValue()) {
                String[] v = Numbers.withError(r.score() * r.nanosFactor(), r.error() * r.nanosFactor());
                t.row(r.param("model"), r.param("workers"), v[0], v[1]);
            }
            out.append(System.lineSeparator()).append(("dispatch cost per task (NOOP) " + table.getKey()).strip()).append(System.lineSeparator()).append(t.render());
        }
    }

    private void threads(StringBuilder out) {
        List<JmhRow> inline = of("ThreadsBenchmark.");
        for (Map.Entry<String, List<JmhRow>> table : byTitle(inline, Set.of("lock")).entrySet()) {
            TextTable t = new TextTable(">threads", "lock", ">ops/s", ">± error", ">speedup vs 1 thread");
            List<JmhRow> sorted = new ArrayList<>(table.getValue());
            List<String> locks = sorted.stream().map(r -> r.param("lock")).distinct().collect(Collectors.toList());
            sorted.sort(Comparator.<JmhRow>comparingInt(r -> locks.indexOf(r.param("lock")))
                    .thenComparingInt(JmhRow::threads));
            for (JmhRow r : sorted) {
                double one = inline.stream()
                        .filter(o -> o.threads() == 1 && o.params().equals(r.params()))
                        .mapToDouble(o -> o.score() * o.perSecondFactor()).findFirst().orElse(Double.NaN);
                double f = r.perSecondFactor();
                String[] v = Numbers.withError(r.score() * f, r.error() * f);
                t.row(String.valueOf(r.threads()), r.param("lock"), v[0], v[1],
                        Numbers.times(r.score() * f / one));
            }
            out.append(System.lineSeparator()).append(("JMH threads running tasks inline: " + table.getKey()).strip()).append(System.lineSeparator()).append(t.render());
        }
    }

    private List<JmhRow> of(String benchmarkClass) {
        Predicate<JmhRow> p = r -> r.shortName().startsWith(benchmarkClass);
        return rows.stream().filter(p).collect(Collectors.toList());
    }

    /** SEQUENTIAL's tasks/s with the same parameters, chosen by {@link ScalingRows#baseline}; NaN if it did not run. */
    private static double baseline(List<JmhRow> scaling, JmhRow r) {
        TreeMap<Integer, JmhRow> sequential = new TreeMap<>();
        for (JmhRow o : scaling) {
            if (ScalingRows.isSequential(o.param("model")) && o.benchmark().equals(r.benchmark()) && sameExcept(o, r, Set.of("model", "workers"))
                    && ScalingRows.workers(o) != null) {
                sequential.putIfAbsent(ScalingRows.workers(o), o);
            }
        }
        return ScalingRows.baseline(sequential, ScalingRows.workers(r), o -> true)
                .map(b -> b.score() * b.perSecondFactor()).orElse(Double.NaN);
    }

    private static boolean sameExcept(JmhRow a, JmhRow b, Set<String> ignored) {
        Map<String, String> x = new LinkedHashMap<>(a.params());
        Map<String, String> y = new LinkedHashMap<>(b.params());
        x.keySet().removeAll(ignored);
        y.keySet().removeAll(ignored);
        return x.equals(y) && a.threads() == b.threads();
    }

    /**
     * One table per workload and fixed parameters, titled e.g. "CPU  (tasks=64, cpuSize=20000)". The
     * title names the knobs that matter for that workload and any that differ between tables; an
     * I/O latency in the title of a CPU table would only be noise.
     */
    private static Map<String, List<JmhRow>> byTitle(List<JmhRow> rows, Set<String> varying) {
        Map<String, List<JmhRow>> tables = new LinkedHashMap<>();
        for (JmhRow r : rows) {
            Set<String> shown = new java.util.HashSet<>(ScalingRows.relevant(r.param("workload")));
            shown.add("tasks");
            rows.stream().filter(o -> o.param("workload").equals(r.param("workload")))
                    .forEach(o -> o.params().forEach((k, v) -> {
                        if (!v.equals(r.param(k))) {
                            shown.add(k);
                        }
                    }));
            String fixed = r.params().entrySet().stream()
                    .filter(e -> !varying.contains(e.getKey()) && !e.getKey().equals("workload") && shown.contains(e.getKey()))
                    .map(e -> e.getKey() + "=" + e.getValue()).collect(Collectors.joining(", "));
            String workload = r.param("workload");
            String title = (workload.isEmpty() ? "" : workload + "  ") + (fixed.isEmpty() ? "" : "(" + fixed + ")");
            tables.computeIfAbsent(title.strip(), k -> new ArrayList<>()).add(r);
        }
        return tables;
    }

    private static List<JmhRow> sequentialFirst(List<JmhRow> rows) {
        List<JmhRow> out = new ArrayList<>(rows);
        out.sort((a, b) -> {
            int w = Double.compare(number(a.param("workers"), 0), number(b.param("workers"), 0));
            if (w != 0) {
                return w;
            }
            return Boolean.compare(!ScalingRows.isSequential(a.param("model")), !ScalingRows.isSequential(b.param("model")));
        });
        return out;
    }

    private static double number(String s, double fallback) {
        try {
            return Double.parseDouble(s);
        } catch (NumberFormatException e) {
            return fallback;
        }
    }
}
