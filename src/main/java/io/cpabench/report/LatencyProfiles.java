package io.cpabench.report;

import com.fasterxml.jackson.databind.JsonNode;
import io.cpabench.results.JmhRow;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Latency percentiles that open-loop benchmarks (LoopLatencyBenchmark) write as JMH secondary metrics
 * in ms, e.g. {@code latency.p99.9}, {@code latency.max}, grouped per chart (the settings other than
 * {@code model}, such as the offered rate) and per model.
 */
final class LatencyProfiles {
    private static final Pattern PERCENTILE = Pattern.compile("(?:^|[.·])p(\\d+(?:\\.\\d+)?)$");
    private static final Pattern MAX = Pattern.compile("(?:^|[.·])max$");
    /** Where "max" is drawn on the 1/(1−p) axis: one step past p99.9. */
    static final double MAX_AT = 99.99;

    /** One chart: model → percentile (50, 90, 99, 99.9, or {@link #MAX_AT} for max) → ms. */
    record Profile(String title, Map<String, TreeMap<Double, Double>> models) {}

    private LatencyProfiles() {}

    static List<Profile> of(List<JsonNode> rows) {
        Map<String, Map<String, TreeMap<Double, Double>>> charts = new LinkedHashMap<>();
        for (JsonNode r : rows) {
            TreeMap<Double, Double> points = points(r.path("secondaryMetrics"));
            if (points.isEmpty()) {
                continue;
            }
            String model = r.path("params").path("model").asText("");
            String bench = r.path("benchmark").asText("").replaceFirst("^.*\\.(\\w+\\.\\w+)$", "$1");
            StringBuilder title = new StringBuilder(bench);
            Iterator<Map.Entry<String, JsonNode>> it = r.path("params").fields();
            while (it.hasNext()) {
                Map.Entry<String, JsonNode> p = it.next();
                if (!"model".equals(p.getKey())) {
                    title.append(title.length() == bench.length() ? "  " : ", ").append(p.getKey()).append('=').append(p.getValue().asText());
                }
            }
            charts.computeIfAbsent(title.toString(), t -> new LinkedHashMap<>())
                    .put(model.isEmpty() ? "(no model)" : model, points);
        }
        List<Profile> out = new ArrayList<>();
        charts.forEach((t, m) -> out.add(new Profile(t, m)));
        return out;
    }

    // Only metrics in ms are latencies; a NaN one (an iteration with no requests) is left out, not drawn at 0.
    private static TreeMap<Double, Double> points(JsonNode secondary) {
        TreeMap<Double, Double> out = new TreeMap<>();
        Iterator<Map.Entry<String, JsonNode>> it = secondary.fields();
        while (it.hasNext()) {
            Map.Entry<String, JsonNode> m = it.next();
            if (!"ms".equals(m.getValue().path("scoreUnit").asText())) {
                continue;
            }
            double ms = number(m.getValue().path("score"));
            Matcher p = PERCENTILE.matcher(m.getKey());
            Double at = p.find() ? Double.valueOf(p.group(1)) : MAX.matcher(m.getKey()).find() ? MAX_AT : null;
            if (at != null && at > 0 && at < 100 && Double.isFinite(ms)) {
                out.put(at, ms);
            }
        }
        return out;
    }

    static double number(JsonNode n) {
        return JmhRow.number(n);
    }
}
