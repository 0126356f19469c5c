package io.cpabench.report;

import io.cpabench.results.JmhRow;
import io.cpabench.results.ScalingRows;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Splits throughput rows that carry {@code model} and an integer {@code workers} (ScalingBenchmark's)
 * into {@link ScalingGroup}s. tasks/s = score × tasks, since one JMH operation is a batch of tasks.
 */
final class ScalingGroups {
    private ScalingGroups() {}

    /** One group per {@link ScalingRows} group; JMH threads other than 1 join the fixed settings. */
    static List<ScalingGroup> of(List<JmhRow> rows) {
        List<ScalingGroup> out = new ArrayList<>();
        for (ScalingRows.Group g : ScalingRows.group(rows)) {
            ScalingRows.Settings s = g.settings();
            Map<String, String> fixed = new TreeMap<>(s.fixed());
            if (s.threads() != 1) {
                fixed.put("threads", String.valueOf(s.threads()));
            }
            ScalingGroup group = new ScalingGroup(s.benchmark(), s.workload(), fixed, new LinkedHashMap<>());
            for (JmhRow r : g.rows()) {
                double perTask = perSecond(r) * tasks(r);
                group.models().computeIfAbsent(r.param("model"), m -> new TreeMap<>())
                        .put(ScalingRows.workers(r), new Point(r.score() * perTask, r.error() * perTask));
            }
            out.add(group);
        }
        return out;
    }

    private static double perSecond(JmhRow r) {
        try {
            return r.perSecondFactor();
        } catch (IllegalArgumentException e) {
            return Double.NaN;
        }
    }

    private static double tasks(JmhRow r) {
        Integer t = ScalingRows.positiveInt(r.param("tasks"));
        return t == null ? 1 : t;
    }
}
