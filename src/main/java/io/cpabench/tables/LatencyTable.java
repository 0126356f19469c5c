package io.cpabench.tables;

import io.cpabench.results.Numbers;
import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * The open-loop latency table printed after the throughput tables: per model and offered rate, the
 * latency percentiles from the intended arrival and the rate actually served, read from the
 * {@code latency.*} secondary metrics of LoopLatencyBenchmark rows. Empty when there are none.
 */
public final class LatencyTable {
    static final String BENCHMARK = "LoopLatencyBenchmark.run";
    /** Served at ≥ 99% of the offered rate: the model kept the schedule. */
    static final double KEEPS_UP = 0.99;

    private final List<JsonNode> rows = new ArrayList<>();

    public LatencyTable(Iterable<JsonNode> jmhRows) {
        for (JsonNode r : jmhRows) {
            if (r.path("benchmark").asText().endsWith(BENCHMARK) && r.path("secondaryMetrics").has("latency.p99")) {
                rows.add(r);
            }
        }
    }

    public String render() {
        Map<String, List<JsonNode>> tables = new LinkedHashMap<>();
        for (JsonNode r : rows) {
            String fixed = params(r).entrySet().stream()
                    .filter(e -> !e.getKey().equals("model") && !e.getKey().equals("rate"))
                    .map(e -> e.getKey() + "=" + e.getValue()).collect(Collectors.joining(", "));
            tables.computeIfAbsent(fixed, k -> new ArrayList<>()).add(r);
        }
        StringBuilder out = new StringBuilder();
        for (Map.Entry<String, List<JsonNode>> table : tables.entrySet()) {
            List<JsonNode> sorted = new ArrayList<>(table.getValue());
            sorted.sort((a, b) -> Double.compare(number(params(a).get("rate")), number(params(b).get("rate"))));
            TextTable t = new TextTable("model", ">rate/s", ">offered cpu", ">p50 ms", ">p99 ms", ">p99.9 ms",
                    ">served/s", ">of offered", "schedule");
            for (JsonNode r : sorted) {
                Map<String, String> p = params(r);
                double rate = number(p.get("rate"));
                double cpuMs = number(p.getOrDefault("cpuMs", "NaN"));
                double served = metric(r, "latency.achievedRate");
                double share = served / rate;
                t.row(p.getOrDefault("model", ""), Numbers.sig(rate, 4),
                        Double.isNaN(cpuMs) ? "n/a" : String.format(Locale.ROOT, "%.2f cores", rate * cpuMs / 1000),
                        ms(metric(r, "latency.p50")), ms(metric(r, "latency.p99")), ms(metric(r, "latency.p99.9")),
                        Numbers.sig(served, 4), String.format(Locale.ROOT, "%.1f%%", 100 * share),
                        Double.isNaN(share) ? "n/a" : share >= KEEPS_UP ? "kept" : "fell behind");
            }
            out.append(System.lineSeparator())
                    .append(("open-loop latency from the intended arrival " + (table.getKey().isEmpty() ? "" : "(" + table.getKey() + ")")).strip())
                    .append(System.lineSeparator()).append(t.render());
        }
        return out.toString();
    }

    private static Map<String, String> params(JsonNode r) {
        Map<String, String> p = new LinkedHashMap<>();
        r.path("params").fields().forEachRemaining(e -> p.put(e.getKey(), e.getValue().asText()));
        return p;
    }

    /** A secondary metric's score in its own unit (ms or req/s, as LatencyProfiler writes them). */
    private static double metric(JsonNode r, String name) {
        return number(r.path("secondaryMetrics").path(name).path("score").asText());
    }

    private static String ms(double x) {
        return Double.isNaN(x) ? "n/a" : x >= 100 ? Numbers.sig(x, 3) : String.format(Locale.ROOT, "%.2f", x);
    }

    private static double number(String s) {
        try {
            return Double.parseDouble(s);
        } catch (NumberFormatException | NullPointerException e) {
            return Double.NaN;
        }
    }
}
