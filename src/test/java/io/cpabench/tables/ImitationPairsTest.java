package io.cpabench.tables;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.cpabench.results.JmhRow;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The pairing of each GIL imitation with the real CPython model, on synthetic result sets. */
class ImitationPairsTest {
    private static final String JVM = "io.cpabench.bench.ScalingBenchmark.run";
    private static final String PY = "cpython.ScalingBenchmark.run";
    private static final String JVM_LAT = "io.cpabench.bench.LoopLatencyBenchmark.run";
    private static final String PY_LAT = "cpython.LoopLatencyBenchmark.run";

    /** A throughput row whose forks' means are {@code forkMeans} (two iterations each, equal). */
    static JmhRow scaling(String bench, String workload, String model, int workers, double... forkMeans) {
        Map<String, String> p = new LinkedHashMap<>();
        p.put("workload", workload);
        p.put("model", model);
        p.put("workers", String.valueOf(workers));
        List<List<Double>> raw = new ArrayList<>();
        double sum = 0;
        for (double m : forkMeans) {
            raw.add(List.of(m, m));
            sum += m;
        }
        return new JmhRow(bench, "thrpt", 1, p, sum / forkMeans.length, Double.NaN, "ops/s", raw);
    }

    static JmhRow latency(String bench, String model, int rate, double... p99PerFork) {
        Map<String, String> p = new LinkedHashMap<>();
        p.put("model", model);
        p.put("rate", String.valueOf(rate));
        List<List<Double>> raw = new ArrayList<>();
        for (double m : p99PerFork) {
            raw.add(List.of(m));
        }
        return new JmhRow(bench, "thrpt", 1, p, rate, Double.NaN, "ops/s", List.of(List.of((double) rate)),
                Map.of("latency.p99", new JmhRow.Secondary("ms", raw)));
    }

    @Test
    void cpuThreadsPairAsRatiosToTheirOwnSequentialWithIntervalsAndAFaithfulVerdict() {
        List<JmhRow> jvm = List.of(scaling(JVM, "CPU", "SEQUENTIAL", 2, 100, 100, 100),
                scaling(JVM, "CPU", "GIL_THREADS", 2, 88, 90, 92),
                scaling(JVM, "CPU", "PLATFORM_THREADS", 2, 190, 190, 190));
        List<JmhRow> py = List.of(scaling(PY, "CPU", "SEQUENTIAL", 2, 10, 10, 10),
                scaling(PY, "CPU", "THREADS", 2, 8.2, 8.4, 8.6));

        ImitationPairs.Result r = ImitationPairs.of(jvm, py);

        assertThat(r.pairs()).hasSize(1);
        ImitationPairs.Pair p = r.pairs().get(0);
        assertThat(p.what()).isEqualTo("CPU, 2 workers, ÷ SEQUENTIAL");
        assertThat(p.imitation().model()).isEqualTo("GIL_THREADS");
        assertThat(p.cpython().model()).isEqualTo("THREADS");
        assertThat(p.imitation().value()).isCloseTo(0.90, within(0.001));
        assertThat(p.cpython().value()).isCloseTo(0.84, within(0.001));
        assertThat(p.imitation().low()).isLessThan(0.90);
        assertThat(p.imitation().high()).isGreaterThan(0.90);
        assertThat(p.imitation().forks()).isEqualTo(3);
        assertThat(p.difference()).isCloseTo(0.06, within(0.001));
        assertThat(p.faithful()).isTrue();
        assertThat(p.verdict()).isEqualTo("faithful");
    }

    @Test
    void aMissSaysByHowMuchAndWhichWay() {
        List<JmhRow> jvm = List.of(scaling(JVM, "CPU", "SEQUENTIAL", 2, 100, 100), scaling(JVM, "CPU", "MULTI_INTERPRETER", 2, 120, 120));
        List<JmhRow> py = List.of(scaling(PY, "CPU", "SEQUENTIAL", 2, 10, 10), scaling(PY, "CPU", "PROCESSES", 2, 18, 18));

        ImitationPairs.Pair p = ImitationPairs.of(jvm, py).pairs().get(0);

        assertThat(p.imitation().model()).isEqualTo("MULTI_INTERPRETER");
        assertThat(p.cpython().model()).isEqualTo("PROCESSES");
        assertThat(p.difference()).isCloseTo(-0.60, within(1e-9));
        assertThat(p.faithful()).isFalse();
        assertThat(p.verdict()).isEqualTo("misses by 0.50 (imitation lower)");
    }

    @Test
    void eachWorkerCountBothSidesRanIsAPairAndSequentialIsFoundAtAnyWorkers() {
        List<JmhRow> jvm = List.of(scaling(JVM, "CPU", "SEQUENTIAL", 1, 100, 100),
                scaling(JVM, "CPU", "GIL_THREADS", 2, 90, 90), scaling(JVM, "CPU", "GIL_THREADS", 4, 80, 80),
                scaling(JVM, "CPU", "GIL_THREADS", 8, 70, 70));
        List<JmhRow> py = List.of(scaling(PY, "CPU", "SEQUENTIAL", 1, 10, 10),
                scaling(PY, "CPU", "THREADS", 2, 9, 9), scaling(PY, "CPU", "THREADS", 4, 8.5, 8.5));

        List<ImitationPairs.Pair> pairs = ImitationPairs.of(jvm, py).pairs();

        assertThat(pairs).extracting(ImitationPairs.Pair::what).containsExactly("CPU, 2 workers, ÷ SEQUENTIAL", "CPU, 4 workers, ÷ SEQUENTIAL");
        assertThat(pairs.get(1).difference()).isCloseTo(-0.05, within(1e-9));
    }

    @Test
    void waitsOverlappedAreJudgedAsAQuotient() {
        List<JmhRow> jvm = List.of(scaling(JVM, "IO_SLEEP", "SEQUENTIAL", 2, 900, 900), scaling(JVM, "IO_SLEEP", "EVENT_LOOP", 2, 200_000, 200_000));
        List<JmhRow> py = List.of(scaling(PY, "IO_SLEEP", "SEQUENTIAL", 2, 880, 880), scaling(PY, "IO_SLEEP", "ASYNCIO", 2, 110_000, 110_000));

        ImitationPairs.Pair p = ImitationPairs.of(jvm, py).pairs().get(0);

        assertThat(p.kind()).isEqualTo(ImitationPairs.Kind.OVERLAP);
        assertThat(p.difference()).isCloseTo((200_000 / 900.0) / (110_000 / 880.0), within(1e-9));
        assertThat(p.faithful()).isFalse();
        assertThat(p.verdict()).startsWith("misses: imitation higher × 1.78");
    }

    @Test
    void latencyPairsComparePercentilesAtTheSameRateOnly() {
        List<JmhRow> jvm = List.of(latency(JVM_LAT, "GIL_EVENT_LOOP_OFFLOAD", 500, 7, 7.2),
                latency(JVM_LAT, "GIL_EVENT_LOOP_OFFLOAD", 1400, 40, 44), latency(JVM_LAT, "EVENT_LOOP_OFFLOAD", 1400, 18, 19));
        List<JmhRow> py = List.of(latency(PY_LAT, "ASYNCIO_TO_THREAD", 500, 7.3, 7.4),
                latency(PY_LAT, "ASYNCIO_TO_THREAD", 700, 20, 21));

        ImitationPairs.Result r = ImitationPairs.of(jvm, py);

        assertThat(r.pairs()).hasSize(1);
        ImitationPairs.Pair p = r.pairs().get(0);
        assertThat(p.what()).isEqualTo("latency p99 (ms), 500 req/s");
        // the geometric mean of the forks' p99, and an interval that stays positive
        assertThat(p.imitation().value()).isCloseTo(Math.sqrt(7 * 7.2), within(1e-9));
        assertThat(p.cpython().value()).isCloseTo(Math.sqrt(7.3 * 7.4), within(1e-9));
        assertThat(p.imitation().low()).isPositive().isLessThan(p.imitation().value());
        assertThat(p.faithful()).isTrue();
    }

    @Test
    void aPairOneSideLacksIsSkippedWithANoteAndOneNeitherHasSilently() {
        // the JVM build without the NATIVE workload; nobody ran PROCESSES
        List<JmhRow> jvm = List.of(scaling(JVM, "CPU", "SEQUENTIAL", 2, 100), scaling(JVM, "CPU", "GIL_THREADS", 2, 90));
        List<JmhRow> py = List.of(scaling(PY, "CPU", "SEQUENTIAL", 2, 10), scaling(PY, "CPU", "THREADS", 2, 9),
                scaling(PY, "NATIVE", "SEQUENTIAL", 2, 5), scaling(PY, "NATIVE", "THREADS", 2, 9));

        ImitationPairs.Result r = ImitationPairs.of(jvm, py);

        assertThat(r.pairs()).extracting(ImitationPairs.Pair::what).containsExactly("CPU, 2 workers, ÷ SEQUENTIAL");
        assertThat(r.notes()).containsExactly("GIL_THREADS ↔ THREADS on NATIVE: no JVM row (this build's results have no NATIVE GIL_THREADS),"
                + " pair skipped");
    }

    @Test
    void oneForkGivesTheRatioWithoutAnInterval() {
        List<JmhRow> jvm = List.of(scaling(JVM, "CPU", "SEQUENTIAL", 2, 100), scaling(JVM, "CPU", "GIL_THREADS", 2, 90));
        List<JmhRow> py = List.of(scaling(PY, "CPU", "SEQUENTIAL", 2, 10), scaling(PY, "CPU", "THREADS", 2, 8));

        ImitationPairs.Pair p = ImitationPairs.of(jvm, py).pairs().get(0);

        assertThat(p.imitation().hasInterval()).isFalse();
        assertThat(ImitationTable.side(p.imitation(), p.kind())).isEqualTo("0.90 (1 fork)");
        assertThat(ImitationTable.difference(p)).isEqualTo("+0.10");
        assertThat(p.verdict()).isEqualTo("faithful");
    }

    @Test
    void rowsOfTheOtherSideAreNotMistakenForOnesOwn() {
        // both lists hold both kinds of rows (one directory of runs): each side reads only its own
        List<JmhRow> all = List.of(scaling(JVM, "CPU", "SEQUENTIAL", 2, 100), scaling(JVM, "CPU", "GIL_THREADS", 2, 90),
                scaling(PY, "CPU", "SEQUENTIAL", 2, 10), scaling(PY, "CPU", "THREADS", 2, 7));

        ImitationPairs.Pair p = ImitationPairs.of(all, all).pairs().get(0);

        assertThat(p.imitation().value()).isCloseTo(0.9, within(1e-9));
        assertThat(p.cpython().value()).isCloseTo(0.7, within(1e-9));
    }
}
