package io.cpabench.report;

import io.cpabench.results.ScalingRows;
import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The GIL's own counters per result row ({@code gilSwitches}, {@code gilDropRequests}, {@code gilWaitMs},
 * written per iteration by GilCounters) turned into rates: JMH sums events over the iterations, so the
 * per-iteration raw data divided by the iteration time is the honest per-second figure.
 *
 * <p>Wait time is summed over threads, so 2 000 ms per second means two threads queued all the time.
 */
final class GilMetrics {
    record Row(String workload, String model, int workers, double switchesPerSecond, double dropsPerSecond,
               double waitMsPerSecond) {
        String category() {
            return (workload.isEmpty() ? "" : workload + " ") + "w=" + workers;
        }
    }

    private GilMetrics() {}

    /** Rows of models that took a GIL at all: every counter zero means the model has none. */
    static List<Row> of(List<JsonNode> rows) {
        List<Row> out = new ArrayList<>();
        for (JsonNode r : rows) {
            JsonNode m = r.path("secondaryMetrics");
            if (!m.has("gilSwitches") && !m.has("gilWaitMs")) {
                continue;
            }
            double seconds = iterationSeconds(r.path("measurementTime").asText(""));
            double switches = perIteration(m.path("gilSwitches")) / seconds;
            double drops = perIteration(m.path("gilDropRequests")) / seconds;
            double wait = perIteration(m.path("gilWaitMs")) / seconds;
            if (!(switches > 0 || wait > 0 || drops > 0)) {
                continue;
            }
            Integer w = ScalingRows.positiveInt(r.path("params").path("workers").asText(""));
            out.add(new Row(r.path("params").path("workload").asText(""), r.path("params").path("model").asText(""),
                    w == null ? r.path("threads").asInt(1) : w, switches, drops, wait));
        }
        return out;
    }

    /** Mean over every iteration of every fork; NaN when the metric is missing. */
    static double perIteration(JsonNode metric) {
        double sum = 0;
        int n = 0;
        for (JsonNode fork : metric.path("rawData")) {
            for (JsonNode it : fork) {
                double v = LatencyProfiles.number(it);
                if (Double.isFinite(v)) {
                    sum += v;
                    n++;
                }
            }
        }
        return n == 0 ? Double.NaN : sum / n;
    }

    /** JMH's "1 s", "500 ms", "2 min"; NaN when unreadable, so no made-up rate is shown. */
    static double iterationSeconds(String time) {
        String[] parts = time.trim().split("\\s+");
        if (parts.length != 2) {
            return Double.NaN;
        }
        double v;
        try {
            v = Double.parseDouble(parts[0]);
        } catch (NumberFormatException e) {
            return Double.NaN;
        }
        switch (parts[1].toLowerCase(Locale.ROOT)) {
            case "ns": return v / 1e9;
            case "us": return v / 1e6;
            case "ms": return v / 1e3;
            case "s": return v;
            case "min": return v * 60;
            default: return Double.NaN;
        }
    }
}
