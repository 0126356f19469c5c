package io.cpabench.stats;

import static org.assertj.core.api.Assertions.assertThat;

import io.cpabench.results.JmhRow;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

/** Latency percentiles judged like scores: lower is better, their own band, pooled over files, gating regressions. */
class LatencyVerdictTest {
    private static final RowKey KEY = new RowKey("io.cpabench.bench.LoopLatencyBenchmark.run", "thrpt", 1,
            new TreeMap<>(Map.of("model", "EVENT_LOOP", "rate", "500")));
    private static final VerdictRule SCORES = new VerdictRule(0.02);
    private static final VerdictRule TAILS = new VerdictRule(0.05);
    private static final ForkSample RATE = ForkSample.ofMeans(499.9, 500.0, 500.1, 499.95, 500.05);
    /** p99 fork means spreading about 8%, as the nightly's often do on a quiet 2-vCPU guest. */
    private static final double[] P99 = {3.6, 4.4, 4.0, 3.8, 4.2};

    private static PooledRow row(double... p99) {
        return new PooledRow(KEY, "ops/s", true, RATE, Map.of(LatencyMetric.P99, ForkSample.ofMeans(p99)));
    }

    private static double[] times(double[] xs, double factor) {
        return java.util.Arrays.stream(xs).map(x -> x * factor).toArray();
    }

    private static Comparison compare(PooledRow oldRow, PooledRow newRow) {
        return Comparison.of(Map.of(KEY, oldRow), Map.of(KEY, newRow), SCORES, TAILS);
    }

    @Test
    void aThirtyPercentHigherP99IsSlowerAndARegression() {
        Comparison c = compare(row(P99), row(times(P99, 1.3)));

        assertThat(c.rows()).singleElement().satisfies(r -> assertThat(r.verdict()).isEqualTo(ChangeVerdict.SAME));
        RowComparison p99 = c.latencyOf(KEY).get(0);
        assertThat(p99.metric()).isEqualTo("latency.p99");
        assertThat(p99.higherIsBetter()).isFalse();
        assertThat(p99.ratio().ratio()).isCloseTo(1.3, org.assertj.core.data.Offset.offset(1e-12));
        assertThat(p99.ratio().low()).isGreaterThan(1.05);
        assertThat(p99.verdict()).isEqualTo(ChangeVerdict.SLOWER);
        assertThat(c.anyRegression()).isTrue();
        assertThat(c.band(p99)).isEqualTo(0.05);
        assertThat(c.band(c.rows().get(0))).isEqualTo(0.02);
    }

    @Test
    void equalDistributionsAreNoChangeGivenTheForksAndUnsureWithout() {
        // ten forks a side of the 8% spread bound the ratio inside twice the band: "~"
        double[] ten = {3.6, 4.4, 4.0, 3.8, 4.2, 3.7, 4.3, 4.1, 3.9, 4.0};
        double[] tenShuffled = {4.0, 3.9, 4.1, 4.3, 3.7, 4.2, 3.8, 4.0, 4.4, 3.6};
        Comparison c = compare(row(ten), row(tenShuffled));
        assertThat(c.latency()).singleElement().satisfies(r -> {
            assertThat(r.ratio().ratio()).isCloseTo(1.0, org.assertj.core.data.Offset.offset(1e-12));
            assertThat(r.verdict()).isEqualTo(ChangeVerdict.SAME);
        });
        assertThat(c.anyRegression()).isFalse();
        // five forks a side cannot, and say so rather than "~"; neither is a change
        Comparison five = compare(row(P99), row(4.2, 3.8, 4.4, 3.6, 4.0));
        assertThat(five.latency().get(0).verdict()).isEqualTo(ChangeVerdict.UNSURE);
        assertThat(five.anyRegression()).isFalse();
    }

    @Test
    void aLowerTailIsFasterNotARegression() {
        Comparison c = compare(row(P99), row(times(P99, 0.7)));
        assertThat(c.latency().get(0).verdict()).isEqualTo(ChangeVerdict.FASTER);
        assertThat(c.anyRegression()).isFalse();
    }

    @Test
    void theTailBandIsItsOwn() {
        // 8% higher with tight forks: beyond a 5% band, inside a 10% one, whatever the score band
        double[] tight = {4.00, 4.02, 3.98, 4.01, 3.99};
        PooledRow a = row(tight);
        PooledRow b = row(times(tight, 1.08));
        assertThat(Comparison.of(Map.of(KEY, a), Map.of(KEY, b), new VerdictRule(0.5), TAILS).latency().get(0).verdict())
                .isEqualTo(ChangeVerdict.SLOWER);
        assertThat(Comparison.of(Map.of(KEY, a), Map.of(KEY, b), SCORES, new VerdictRule(0.10)).latency().get(0).verdict())
                .isEqualTo(ChangeVerdict.SAME);
    }

    @Test
    void onlyThePercentilesEitherSideHasAreCompared() {
        PooledRow none = new PooledRow(KEY, "ops/s", true, RATE);
        assertThat(compare(none, none).latency()).isEmpty();
        assertThat(compare(none, row(P99)).latency()).singleElement().satisfies(r -> {
            assertThat(r.verdict()).isEqualTo(ChangeVerdict.NOT_COMPARABLE);
            assertThat(r.notComparable()).isEqualTo("old has no latency.p99");
            assertThat(r.ratio()).isNull();
        });
        assertThat(compare(none, row(P99)).anyRegression()).isFalse();
    }

    @Test
    void percentilesInMsArePooledOverFilesLikeForks() {
        PooledRow pooled = PooledRow.of(jmhRow("ms", List.of(List.of(3.9, 4.1)), List.of(List.of(2.0))))
                .pool(jmhRow("ms", List.of(List.of(5.0), List.of(6.0)), List.of(List.of(2.2))));
        assertThat(pooled.latency().get(LatencyMetric.P99).means()).containsExactly(4.0, 5.0, 6.0);
        assertThat(pooled.latency().get(LatencyMetric.P50).means()).containsExactly(2.0, 2.2);
        assertThat(pooled.latency()).doesNotContainKey(LatencyMetric.P999);
        // a metric of the same name in another unit is not the profiler's, and is left out
        assertThat(PooledRow.of(jmhRow("us", List.of(List.of(4000.0)), List.of(List.of(2.0)))).latency())
                .containsOnlyKeys(LatencyMetric.P50);
    }

    private static JmhRow jmhRow(String p99Unit, List<List<Double>> p99, List<List<Double>> p50) {
        return new JmhRow(KEY.benchmark(), KEY.mode(), 1, KEY.params(), 500, 1, "ops/s", List.of(List.of(500.0)),
                Map.of("latency.p99", new JmhRow.Secondary(p99Unit, p99), "latency.p50", new JmhRow.Secondary("ms", p50),
                        "latency.max", new JmhRow.Secondary("ms", List.of(List.of(9.0)))));
    }
}
