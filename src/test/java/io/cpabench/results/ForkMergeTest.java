package io.cpabench.results;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Real multi-fork rows JMH wrote here (a thrpt row with summed GIL counters, an avgt row with 10
 * forks, an open-loop latency row with a max and averaged percentiles), cut into one-fork rows as an
 * interleaved run files them, must merge back into exactly what JMH wrote.
 */
class ForkMergeTest {

    private static List<JsonNode> jmhRows() throws IOException, URISyntaxException {
        return JmhJson.rows(Path.of(ForkMergeTest.class.getResource("jmh-multi-fork.json").toURI()));
    }

    @Test
    void oneForkRowsMergeBackIntoJmhsOwnMultiForkRow() throws Exception {
        List<JsonNode> original = jmhRows();
        // interleaved as a run would: fork 1 of every row, then fork 2 of every row, ...
        List<JsonNode> pieces = new ArrayList<>();
        for (int fork = 0; fork < 10; fork++) {
            for (JsonNode row : original) {
                if (fork < row.path("forks").asInt()) {
                    pieces.add(fork(row, fork));
                }
            }
        }
        ArrayNode merged = ForkMerge.merge(pieces);

        assertThat(merged).hasSize(original.size());
        for (int i = 0; i < original.size(); i++) {
            JsonNode want = original.get(i);
            JsonNode got = merged.get(i);
            assertThat(got.path("forks").asInt()).isEqualTo(want.path("forks").asInt());
            assertThat(got.path("params")).isEqualTo(want.path("params"));
            assertSameMetric("primary", got.path("primaryMetric"), want.path("primaryMetric"));
            assertThat(names(got.path("secondaryMetrics"))).isEqualTo(names(want.path("secondaryMetrics")));
            for (String name : names(want.path("secondaryMetrics"))) {
                assertSameMetric(name, got.path("secondaryMetrics").path(name), want.path("secondaryMetrics").path(name));
            }
        }
    }

    @Test
    void aRowRunInOnePieceIsLeftAsJmhWroteIt() throws Exception {
        List<JsonNode> original = jmhRows();
        assertThat(ForkMerge.merge(original)).containsExactlyElementsOf(original);
    }

    @Test
    void sampleTimeHistogramsPoolEverySample() {
        String one = "{\"benchmark\":\"b.S.run\",\"mode\":\"sample\",\"threads\":1,\"forks\":1,\"params\":{\"n\":\"1\"},"
                + "\"primaryMetric\":{\"score\":%s,\"scoreUnit\":\"ms/op\",\"rawDataHistogram\":[[%s]]},\"secondaryMetrics\":{}}";
        List<JsonNode> pieces = List.of(
                JmhJson.rows("[" + one.formatted("1.5", "[[1.0,1],[2.0,1]]") + "]").get(0),
                JmhJson.rows("[" + one.formatted("3.5", "[[3.0,2],[5.0,1]],[[3.0,1]]") + "]").get(0));
        JsonNode m = ForkMerge.merge(pieces).get(0);
        assertThat(m.path("forks").asInt()).isEqualTo(2);
        assertThat(m.path("primaryMetric").path("rawDataHistogram")).hasSize(2);
        // every sample counts once: (1 + 2 + 3 + 3 + 5 + 3) / 6
        assertThat(m.path("primaryMetric").path("score").asDouble()).isCloseTo(17.0 / 6, within(1e-12));
        assertThat(m.path("primaryMetric").path("scorePercentiles").path("100.0").asDouble()).isEqualTo(5.0);
    }

    /** Fork {@code k} of a JMH row, as JMH would write it for a run of that fork alone. */
    private static JsonNode fork(JsonNode row, int k) {
        ObjectNode one = row.deepCopy();
        one.put("forks", 1);
        one.set("primaryMetric", forkOf(row.path("primaryMetric"), k, "mean"));
        ObjectNode secondary = JmhJson.MAPPER.createObjectNode();
        row.path("secondaryMetrics").fields().forEachRemaining(e -> secondary.set(e.getKey(), forkOf(e.getValue(), k, policy(e.getKey()))));
        one.set("secondaryMetrics", secondary);
        return one;
    }

    /** How the suite's own metrics aggregate: GIL counters are summed events, the latency max is a max. */
    private static String policy(String metric) {
        return metric.startsWith("gil") ? "sum" : metric.equals("latency.max") ? "max" : "mean";
    }

    private static JsonNode forkOf(JsonNode metric, int k, String policy) {
        ObjectNode m = metric.deepCopy();
        JsonNode iterations = metric.path("rawData").get(k);
        m.set("rawData", JmhJson.MAPPER.createArrayNode().add(iterations));
        double sum = 0;
        double max = Double.NEGATIVE_INFINITY;
        for (JsonNode x : iterations) {
            sum += x.asDouble();
            max = Math.max(max, x.asDouble());
        }
        m.put("score", switch (policy) {
            case "sum" -> sum;
            case "max" -> max;
            default -> sum / iterations.size();
        });
        m.put("scoreError", "NaN");
        return m;
    }

    private static void assertSameMetric(String name, JsonNode got, JsonNode want) {
        assertThat(got.path("rawData")).as(name).isEqualTo(want.path("rawData"));
        assertClose(name + " score", got.path("score"), want.path("score"));
        assertClose(name + " error", got.path("scoreError"), want.path("scoreError"));
        assertClose(name + " confidence low", got.path("scoreConfidence").get(0), want.path("scoreConfidence").get(0));
        assertClose(name + " confidence high", got.path("scoreConfidence").get(1), want.path("scoreConfidence").get(1));
        for (String p : names(want.path("scorePercentiles"))) {
            assertClose(name + " p" + p, got.path("scorePercentiles").path(p), want.path("scorePercentiles").path(p));
        }
    }

    private static void assertClose(String what, JsonNode got, JsonNode want) {
        double w = want.asDouble();
        double g = got.asDouble();
        if (Double.isNaN(w)) {
            assertThat(g).as(what).isNaN();
        } else {
            assertThat(g).as(what).isCloseTo(w, within(1e-9 * Math.max(1, Math.abs(w))));
        }
    }

    private static List<String> names(JsonNode object) {
        List<String> out = new ArrayList<>();
        for (Iterator<Map.Entry<String, JsonNode>> it = object.fields(); it.hasNext(); ) {
            out.add(it.next().getKey());
        }
        return out;
    }
}
