package io.cpabench.latency;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.openjdk.jmh.results.ScalarResult;

class LatencyProfilerTest {
    @Test
    void publishesEveryPercentileInMillisecondsAndTheRateInRequestsPerSecond() {
        List<ScalarResult> r = LatencyProfiler.results(new LatencySnapshot(10, 1, 2, 3, 4, 5, 499.5));
        assertThat(r.stream().map(ScalarResult::getLabel).collect(Collectors.toList())).containsExactly(
                "latency.p50", "latency.p90", "latency.p99", "latency.p99.9", "latency.max", "latency.achievedRate");
        assertThat(r.stream().filter(x -> !x.getLabel().endsWith("achievedRate")).map(ScalarResult::getScoreUnit))
                .containsOnly("ms");
        assertThat(r.get(5).getScoreUnit()).isEqualTo("req/s");
        assertThat(r.get(2).getScore()).isEqualTo(3.0);
    }

    @Test
    void addsNothingWhenNoBenchmarkPublished() {
        LatencyProfiler p = new LatencyProfiler();
        p.beforeIteration(null, null);
        assertThat(p.afterIteration(null, null, null)).isEmpty();
        LatencyProfiler.publish(new LatencySnapshot(1, 1, 1, 1, 1, 1, 1));
        assertThat(p.afterIteration(null, null, null)).hasSize(6);
        assertThat(p.afterIteration(null, null, null)).as("taken once").isEmpty();
        assertThat(LatencyProfiler.active()).isTrue();
    }
}
