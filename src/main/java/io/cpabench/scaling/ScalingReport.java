package io.cpabench.scaling;

import io.cpabench.workload.Workload;
import io.cpabench.results.JmhRow;
import io.cpabench.results.Numbers;
import io.cpabench.results.ScalingRows;
import io.cpabench.tables.TextTable;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The scaling readings printed under the run's tables: per series, speedup over one worker and over
 * SEQUENTIAL, efficiency, and the USL reading that says why the curve flattens.
 */
public final class ScalingReport {
    private ScalingReport() {}

    public static String render(List<JmhRow> rows) {
        List<Series> all = Series.of(rows);
        if (all.isEmpty()) {
            return "";
        }
        String nl = System.lineSeparator();
        StringBuilder out = new StringBuilder(nl).append("scaling by workers (USL: X(N) = λN / (1 + σ(N−1) + κN(N−1)))").append(nl);
        Map<String, List<Series>> byTitle = all.stream()
                .collect(Collectors.groupingBy(s -> title(s, all), LinkedHashMap::new, Collectors.toList()));
        byTitle.forEach((title, series) -> {
            TextTable t = new TextTable("model", ">workers", ">vs 1 worker", ">vs SEQUENTIAL", ">efficiency");
            for (Series s : series) {
                s.points().keySet().forEach(n -> t.row(s.model(), String.valueOf(n), Numbers.times(s.speedupVsOne(n)),
                        Numbers.times(s.speedupVsSequential(n)), percent(s.efficiency(n))));
            }
            out.append(nl).append(title).append(nl).append(t.render());
            for (Series s : series) {
                out.append("  ").append(s.model()).append(": ").append(UslReading.of(s, Workload.isIo(s.workload()))).append(nl);
            }
        });
        return out.toString();
    }

    /**
     * "ScalingBenchmark.run  CPU  (tasks=64, cpuSize=15000)": the settings that matter for the workload,
     * plus any that differ between series, so two series never share a title by accident.
     */
    private static String title(Series s, List<Series> all) {
        String bench = s.benchmark().replaceFirst("^.*\\.(\\w+\\.\\w+)$", "$1");
        Set<String> shown = new HashSet<>(ScalingRows.relevant(s.workload()));
        shown.add("tasks");
        all.stream().filter(o -> o.benchmark().equals(s.benchmark()) && o.workload().equals(s.workload()))
                .forEach(o -> o.fixed().forEach((k, v) -> {
                    if (!v.equals(s.fixed().get(k))) {
                        shown.add(k);
                    }
                }));
        String fixed = s.fixed().entrySet().stream().filter(e -> shown.contains(e.getKey()))
                .map(e -> e.getKey() + "=" + e.getValue()).collect(Collectors.joining(", "));
        return (bench + "  " + s.workload() + (fixed.isEmpty() ? "" : "  (" + fixed + ")")).strip();
    }

    private static String percent(double efficiency) {
        return Double.isNaN(efficiency) || Double.isInfinite(efficiency) ? "—" : String.format(Locale.ROOT, "%.0f%%", 100 * efficiency);
    }
}
