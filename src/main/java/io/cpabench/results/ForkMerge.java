package io.cpabench.results;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.ToDoubleFunction;
import org.openjdk.jmh.util.AbstractStatistics;
import org.openjdk.jmh.util.ListStatistics;
import org.openjdk.jmh.util.MultisetStatistics;

/**
 * One result row per benchmark configuration, from rows that each hold some of its forks (an
 * interleaved run files every fork on its own). The merged row is what one JMH call with all those
 * forks would have written: forks in the order run, scores recomputed as JMH aggregates them.
 *
 * <p>JSON does not say how a secondary metric aggregates, so it is read off the pieces: the first of
 * mean, sum, max and min that reproduces every piece's score of that metric, in every row, from its
 * own iterations (a counter sums, a latency maximum takes the max, the rest average). A metric that is
 * zero everywhere fits all four and is averaged: same score, an error of 0 where JMH would say NaN. A
 * metric none reproduces gets the iteration-weighted mean of the pieces' scores. The primary metric
 * is always the mean, as in JMH.
 */
public final class ForkMerge {
    private static final double CONFIDENCE = 0.999;
    private static final String[] PERCENTILES = {"0.0", "50.0", "90.0", "95.0", "99.0", "99.9", "99.99", "99.999", "99.9999", "100.0"};

    private enum Policy {
        MEAN(AbstractStatistics::getMean),
        SUM(AbstractStatistics::getSum),
        MAX(AbstractStatistics::getMax),
        MIN(AbstractStatistics::getMin);

        final ToDoubleFunction<AbstractStatistics> of;

        Policy(ToDoubleFunction<AbstractStatistics> of) {
            this.of = of;
        }
    }

    private ForkMerge() {}

    /** Rows with the same benchmark, mode, threads and params become one, at the place of the first. */
    public static ArrayNode merge(List<JsonNode> rows) {
        Map<String, List<JsonNode>> byRow = new LinkedHashMap<>();
        Map<String, List<JsonNode>> byMetric = new LinkedHashMap<>();
        for (JsonNode r : rows) {
            byRow.computeIfAbsent(key(r), k -> new ArrayList<>()).add(r);
            r.path("secondaryMetrics").fields().forEachRemaining(e -> byMetric.computeIfAbsent(e.getKey(), k -> new ArrayList<>()).add(e.getValue()));
        }
        Map<String, Policy> policies = new LinkedHashMap<>();
        byMetric.forEach((name, pieces) -> policies.put(name, policy(pieces)));
        ArrayNode out = JmhJson.emptyArray();
        byRow.values().forEach(parts -> out.add(parts.size() == 1 ? parts.get(0) : mergeRow(parts, policies)));
        return out;
    }

    private static String key(JsonNode row) {
        return row.path("benchmark").asText() + '|' + row.path("mode").asText() + '|' + row.path("threads").asInt() + '|'
                + row.path("params");
    }

    private static JsonNode mergeRow(List<JsonNode> parts, Map<String, Policy> policies) {
        ObjectNode row = parts.get(0).deepCopy();
        int forks = parts.stream().mapToInt(p -> forksOf(p.path("primaryMetric"))).sum();
        row.put("forks", forks);
        row.set("primaryMetric", metric(parts.stream().map(p -> p.path("primaryMetric")).toList(), Policy.MEAN));
        ObjectNode secondary = JmhJson.MAPPER.createObjectNode();
        Map<String, List<JsonNode>> byName = new LinkedHashMap<>();
        for (JsonNode p : parts) {
            p.path("secondaryMetrics").fields().forEachRemaining(e -> byName.computeIfAbsent(e.getKey(), k -> new ArrayList<>()).add(e.getValue()));
        }
        byName.forEach((name, metrics) -> secondary.set(name, metric(metrics, policies.get(name))));
        row.set("secondaryMetrics", secondary);
        return row;
    }

    private static int forksOf(JsonNode metric) {
        JsonNode raw = metric.has("rawDataHistogram") ? metric.path("rawDataHistogram") : metric.path("rawData");
        return raw.size();
    }

    /** @param policy null when no aggregation reproduces the pieces' scores */
    private static JsonNode metric(List<JsonNode> parts, Policy policy) {
        ObjectNode m = parts.get(0).deepCopy();
        boolean histogram = m.has("rawDataHistogram");
        String field = histogram ? "rawDataHistogram" : "rawData";
        ArrayNode forks = JmhJson.MAPPER.createArrayNode();
        parts.forEach(p -> p.path(field).forEach(forks::add));
        m.set(field, forks);
        AbstractStatistics all = histogram ? histogram(forks) : list(forks);
        if (all.getN() == 0) {
            return m;
        }
        double score = policy == null ? weightedMeanOfScores(parts) : policy.of.applyAsDouble(all);
        m.put("score", score);
        // as JMH: an error and interval only for an average over more than two values
        if (policy == Policy.MEAN && all.getN() > 2) {
            m.put("scoreError", all.getMeanErrorAt(CONFIDENCE));
            double[] ci = all.getConfidenceIntervalAt(CONFIDENCE);
            m.set("scoreConfidence", pair(ci[0], ci[1]));
        } else {
            m.put("scoreError", "NaN");
            m.set("scoreConfidence", pair(score, score));
        }
        ObjectNode percentiles = JmhJson.MAPPER.createObjectNode();
        for (String p : PERCENTILES) {
            percentiles.put(p, all.getPercentile(Double.parseDouble(p)));
        }
        m.set("scorePercentiles", percentiles);
        return m;
    }

    /** The first policy that gives every piece's score from its own iterations; null if none does. */
    private static Policy policy(List<JsonNode> parts) {
        for (Policy p : Policy.values()) {
            boolean fits = parts.stream().allMatch(part -> {
                ListStatistics s = list(part.path("rawData"));
                return s.getN() == 0 || close(p.of.applyAsDouble(s), part.path("score").asDouble());
            });
            if (fits) {
                return p;
            }
        }
        return null;
    }

    private static boolean close(double a, double b) {
        return Math.abs(a - b) <= 1e-9 * Math.max(1, Math.max(Math.abs(a), Math.abs(b)));
    }

    private static double weightedMeanOfScores(List<JsonNode> parts) {
        double sum = 0;
        long n = 0;
        for (JsonNode p : parts) {
            long k = list(p.path("rawData")).getN();
            sum += k * p.path("score").asDouble();
            n += k;
        }
        return sum / n;
    }

    private static ListStatistics list(JsonNode rawData) {
        ListStatistics s = new ListStatistics();
        rawData.forEach(fork -> fork.forEach(x -> s.addValue(x.asDouble())));
        return s;
    }

    /** rawDataHistogram: per fork, per iteration, a list of [value, count]. */
    private static MultisetStatistics histogram(JsonNode rawDataHistogram) {
        MultisetStatistics s = new MultisetStatistics();
        rawDataHistogram.forEach(fork -> fork.forEach(iteration -> iteration.forEach(
                bin -> s.addValue(bin.get(0).asDouble(), bin.get(1).asLong()))));
        return s;
    }

    private static ArrayNode pair(double a, double b) {
        return JmhJson.MAPPER.createArrayNode().add(a).add(b);
    }
}
