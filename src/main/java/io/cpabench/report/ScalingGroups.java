package io.cpabench.report;

import io.cpabench.results.JmhRow;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * Splits throughput rows that carry {@code model} and an integer {@code workers} (ScalingBenchmark's)
 * into {@link ScalingGroup}s. tasks/s = score × tasks, since one JMH operation is a batch of tasks.
 */
final class ScalingGroups {
    private static final Set<String> AXES = Set.of("model", "workers", "workload");

    private ScalingGroups() {}

    static List<ScalingGroup> of(List<JmhRow> rows) {
        Map<List<Object>, ScalingGroup> groups = new LinkedHashMap<>();
        for (JmhRow r : rows) {
            Integer workers = positiveInt(r.param("workers"));
            if (workers == null || r.param("model").isEmpty() || !r.unit().startsWith("ops/")) {
                continue;
            }
            Map<String, String> fixed = new TreeMap<>(r.params());
            fixed.keySet().removeAll(AXES);
            if (r.threads() != 1) {
                fixed.put("threads", String.valueOf(r.threads()));
            }
            List<Object> key = List.of(r.benchmark(), r.param("workload"), fixed);
            ScalingGroup g = groups.computeIfAbsent(key,
                    k -> new ScalingGroup(r.benchmark(), r.param("workload"), fixed, new LinkedHashMap<>()));
            double perTask = perSecond(r) * tasks(r);
            g.models().computeIfAbsent(r.param("model"), m -> new TreeMap<>())
                    .put(workers, new Point(r.score() * perTask, r.error() * perTask));
        }
        return new ArrayList<>(groups.values());
    }

    private static double perSecond(JmhRow r) {
        try {
            return r.perSecondFactor();
        } catch (IllegalArgumentException e) {
            return Double.NaN;
        }
    }

    private static double tasks(JmhRow r) {
        Integer t = positiveInt(r.param("tasks"));
        return t == null ? 1 : t;
    }

    static Integer positiveInt(String s) {
        try {
            int v = Integer.parseInt(s.trim());
            return v > 0 ? v : null;
        } catch (NumberFormatException e) {
            return null;
        }
    }
}
