package io.cpabench.results;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The few fields of one JMH result row that the tables need, scores converted to a per-second or
 * per-nanosecond base so a user's {@code -tu} does not change the printed numbers.
 *
 * <p>{@code rawData} is JMH's {@code primaryMetric.rawData}: one list of iteration scores per fork,
 * which is what fork-level statistics need (JMH's own score and error treat iterations as independent).
 * {@code secondaries} holds each secondary metric's unit and rawData in the same shape, for the
 * latency percentiles {@code compare} judges like scores.
 */
public record JmhRow(String benchmark, String mode, int threads, Map<String, String> params,
                     double score, double error, String unit, List<List<Double>> rawData,
                     Map<String, Secondary> secondaries) {

    /** One secondary metric of a row: its unit and its per-fork iteration values. */
    public record Secondary(String unit, List<List<Double>> rawData) {}

    /** A row without secondary metrics. */
    public JmhRow(String benchmark, String mode, int threads, Map<String, String> params, double score, double error,
            String unit, List<List<Double>> rawData) {
        this(benchmark, mode, threads, params, score, error, unit, rawData, Map.of());
    }

    /** A row without per-fork data (a summary, or a test's). */
    public JmhRow(String benchmark, String mode, int threads, Map<String, String> params, double score, double error,
            String unit) {
        this(benchmark, mode, threads, params, score, error, unit, List.of());
    }

    public static JmhRow of(JsonNode row) {
        Map<String, String> params = new LinkedHashMap<>();
        row.path("params").fields().forEachRemaining(e -> params.put(e.getKey(), e.getValue().asText()));
        JsonNode metric = row.path("primaryMetric");
        return new JmhRow(row.path("benchmark").asText(), row.path("mode").asText(), row.path("threads").asInt(1),
                params, number(metric.path("score")), number(metric.path("scoreError")),
                metric.path("scoreUnit").asText(), rawData(metric.path("rawData")), secondaries(row.path("secondaryMetrics")));
    }

    private static Map<String, Secondary> secondaries(JsonNode metrics) {
        Map<String, Secondary> out = new LinkedHashMap<>();
        metrics.fields().forEachRemaining(e -> out.put(e.getKey(),
                new Secondary(e.getValue().path("scoreUnit").asText(), rawData(e.getValue().path("rawData")))));
        return Map.copyOf(out);
    }

    private static List<List<Double>> rawData(JsonNode forks) {
        List<List<Double>> out = new ArrayList<>();
        for (JsonNode fork : forks) {
            List<Double> iterations = new ArrayList<>();
            fork.forEach(i -> iterations.add(number(i)));
            out.add(List.copyOf(iterations));
        }
        return List.copyOf(out);
    }

    /** A JSON number; JMH writes NaN (one iteration: no error estimate) as the string "NaN". */
    public static double number(JsonNode n) {
        if (n.isNumber()) {
            return n.doubleValue();
        }
        try {
            return Double.parseDouble(n.asText());
        } catch (NumberFormatException e) {
            return Double.NaN;
        }
    }

    public String param(String key) {
        return params.getOrDefault(key, "");
    }

    /** Method name without the package: {@code ScalingBenchmark.run}. */
    public String shortName() {
        int method = benchmark.lastIndexOf('.');
        int cls = method > 0 ? benchmark.lastIndexOf('.', method - 1) : -1;
        return benchmark.substring(cls + 1);
    }

    /** Throughput units (ops/time) improve upwards, time-per-operation units downwards. */
    public boolean higherIsBetter() {
        return Units.higherIsBetter(unit);
    }

    /** Factor that turns this row's score into operations per second (throughput units only). */
    public double perSecondFactor() {
        return Units.perSecond(unit);
    }

    /** Factor that turns this row's score into nanoseconds per operation (time units only). */
    public double nanosFactor() {
        return Units.nanos(unit);
    }
}
