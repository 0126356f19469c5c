package io.cpabench.report;

import io.cpabench.results.ScalingRows;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Collectors;

/**
 * One scaling chart's data: every model's tasks/s over worker counts for one benchmark, workload and
 * fixed settings (task size, latency, JMH threads).
 *
 * @param models model → workers → tasks/s with its error, models in the order first seen
 */
record ScalingGroup(String benchmark, String workload, Map<String, String> fixed,
                    Map<String, TreeMap<Integer, Point>> models) {
    String title() {
        Set<String> hidden = ScalingRows.irrelevant(workload);
        String settings = fixed.entrySet().stream().filter(e -> !hidden.contains(e.getKey()))
                .map(e -> e.getKey() + "=" + e.getValue()).collect(Collectors.joining(", "));
        return (workload.isEmpty() ? "(no workload)" : workload) + (settings.isEmpty() ? "" : "  (" + settings + ")");
    }

    List<Integer> workerCounts() {
        TreeMap<Integer, Boolean> all = new TreeMap<>();
        models.values().forEach(m -> m.keySet().forEach(w -> all.put(w, true)));
        return new ArrayList<>(all.keySet());
    }

    /** SEQUENTIAL's tasks/s, the base of the ideal line and of every speedup ({@link ScalingRows#baseline}), else NaN. */
    double sequential() {
        TreeMap<Integer, Point> seq = models.get(ScalingRows.SEQUENTIAL);
        return seq == null ? Double.NaN
                : ScalingRows.baseline(seq, null, Point::hasValue).map(Point::value).orElse(Double.NaN);
    }

    /** Model → workers → tasks/s without the points that have no value, for fits. */
    static Map<Integer, Double> values(TreeMap<Integer, Point> series) {
        Map<Integer, Double> out = new LinkedHashMap<>();
        series.forEach((w, p) -> {
            if (p.hasValue()) {
                out.put(w, p.value());
            }
        });
        return out;
    }
}
