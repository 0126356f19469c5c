package io.cpabench.run;

import static org.assertj.core.api.Assertions.assertThat;

import io.cpabench.results.JmhJson;
import io.cpabench.results.JmhRow;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

class MissingRowsTest {
    private static PlannedRun run(int threads) {
        Map<String, List<String>> params = new LinkedHashMap<>();
        params.put("workload", List.of("CPU"));
        params.put("model", List.of("SEQUENTIAL", "FORK_JOIN"));
        params.put("cpuSize", List.of("9"));
        return new PlannedRun("cpu", "^io\\.cpabench\\.bench\\.ScalingBenchmark\\.run$", params, Set.of("workload", "model"),
                threads, 1, 1, "1s", 1, "1s", List.of(), false);
    }

    private static List<JmhRow> rows(String... models) {
        String json = java.util.Arrays.stream(models).map(m -> "{\"benchmark\":\"io.cpabench.bench.ScalingBenchmark.run\","
                + "\"threads\":1,\"params\":{\"workload\":\"CPU\",\"model\":\"" + m + "\",\"cpuSize\":\"9\",\"tasks\":\"64\"},"
                + "\"primaryMetric\":{\"score\":1,\"scoreError\":\"NaN\",\"scoreUnit\":\"ops/s\"}}")
                .collect(Collectors.joining(",", "[", "]"));
        return JmhJson.rows(json).stream().map(JmhRow::of).collect(Collectors.toList());
    }

    @Test
    void everyPlannedCombinationPresentMeansNoFailures() {
        assertThat(MissingRows.find(List.of(run(1)), rows("SEQUENTIAL", "FORK_JOIN"))).isEmpty();
    }

    @Test
    void aMissingCombinationIsNamed() {
        assertThat(MissingRows.find(List.of(run(1)), rows("SEQUENTIAL")))
                .containsExactly("ScalingBenchmark.run workload=CPU model=FORK_JOIN");
    }

    @Test
    void threadCountIsPartOfTheCombination() {
        assertThat(MissingRows.find(List.of(run(2)), rows("SEQUENTIAL", "FORK_JOIN"))).hasSize(2)
                .allSatisfy(f -> assertThat(f).contains("threads=2"));
    }
}
