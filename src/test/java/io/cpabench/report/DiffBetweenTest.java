package io.cpabench.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DiffBetweenTest {
    @TempDir
    Path tmp;

    private static List<ResultSet> fixture() {
        return ResultSets.load(List.of(Fixtures.runs()));
    }

    @Test
    void forkStatisticsJudgeTheFixtureLikeCompare() {
        List<ResultSet> sets = fixture();
        Diff d = Diff.between(sets.get(0), sets.get(1));
        assertThat(d.method()).contains("Welch");
        // the JDK 25 fixture runs FORK_JOIN 8% faster and EVENT_LOOP 10% slower
        assertThat(d.rows()).filteredOn(r -> r.label().contains("FORK_JOIN")).extracting(Diff.Row::verdict).contains("faster");
        assertThat(d.rows()).filteredOn(r -> r.label().contains("EVENT_LOOP") && r.label().contains("IO_SLEEP"))
                .extracting(Diff.Row::verdict).contains("slower");
    }

    @Test
    void latencyPercentilesAreRowsOfTheDiffAndTheForestPlotWithTheirOwnBand() {
        List<ResultSet> sets = fixture();
        Diff d = Diff.between(sets.get(0), sets.get(1));
        // four LoopLatencyBenchmark rows, each followed by its p50, p99 and p99.9
        assertThat(d.rows()).filteredOn(Diff.Row::isLatency).hasSize(12)
                .allSatisfy(r -> {
                    assertThat(r.unit()).isEqualTo("ms");
                    assertThat(r.higherIsBetter()).isFalse();
                    assertThat(r.label()).containsPattern(" · p(50|99|99\\.9)$");
                });
        int score = d.rows().indexOf(d.rows().stream().filter(r -> r.label().startsWith("LoopLatency") && !r.isLatency())
                .findFirst().orElseThrow());
        assertThat(d.rows().subList(score + 1, score + 4)).extracting(Diff.Row::metric)
                .containsExactly("latency.p50", "latency.p99", "latency.p99.9");
        assertThat(d.latencyMinEffect()).isEqualTo(io.cpabench.stats.VerdictRule.DEFAULT_LATENCY_MIN_EFFECT);
        assertThat(d.method()).contains("latency percentiles").contains("band ±5%");

        assertThat(ForestChart.drawn(d)).filteredOn(Diff.Row::isLatency).hasSize(12);
        var chart = ForestChart.of(d);
        assertThat(chart.getSeries("±2% (min effect)")).isNotNull();
        assertThat(chart.getSeries("±5% (latency band)")).isNotNull();
        assertThat(chart.getXAxisTitle()).contains("latency percentile");
    }

    @Test
    void aDiffWithoutPercentilesDrawsOneBand() throws Exception {
        List<ResultSet> sets = ResultSets.load(List.of(oneFork("a.json", 10.0), oneFork("b.json", 12.0)));
        Diff d = Diff.between(sets.get(0), sets.get(1));
        assertThat(d.latencyMinEffect()).isNaN();
        assertThat(ForestChart.of(d).getSeriesCollection()).noneMatch(s -> s.getName().contains("latency"));
    }

    @Test
    void oneForkFallsBackToJmhErrorsAndSaysSo() throws Exception {
        Path a = oneFork("a.json", 10.0);
        Path b = oneFork("b.json", 12.0);
        List<ResultSet> sets = ResultSets.load(List.of(a, b));
        Diff d = Diff.between(sets.get(0), sets.get(1));
        assertThat(d.method()).startsWith("fewer than 2 forks");
        assertThat(d.rows()).singleElement().satisfies(r -> assertThat(r.ratio()).isEqualTo(1.2));
    }

    @Test
    void uslFitReadsTheGilAsSerialised() {
        ScalingGroup cpu = ScalingGroups.of(fixture().get(0).rows()).get(0);
        var fit = ScalingFits.fit(cpu, "GIL_THREADS", ScalingGroup.values(cpu.models().get("GIL_THREADS")), cpu.sequential());
        assertThat(fit).hasValueSatisfying(f -> {
            assertThat(f.sigma()).isGreaterThan(0.9);
            assertThat(f.reading()).contains("serialised");
        });
    }

    private Path oneFork(String name, double score) throws Exception {
        return Files.writeString(tmp.resolve(name), "[{\"benchmark\":\"a.B.run\",\"mode\":\"thrpt\",\"threads\":1,"
                + "\"params\":{\"model\":\"X\",\"workers\":\"1\"},\"primaryMetric\":{\"score\":" + score
                + ",\"scoreError\":0.1,\"scoreUnit\":\"ops/s\",\"rawData\":[[" + score + "]]}}]");
    }
}
