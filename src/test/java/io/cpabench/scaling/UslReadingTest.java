package io.cpabench.scaling;

import static org.assertj.core.api.Assertions.assertThat;

import io.cpabench.results.JmhRow;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class UslReadingTest {
    static JmhRow row(String workload, String model, int workers, double opsPerSecond) {
        return new JmhRow("io.cpabench.bench.ScalingBenchmark.run", "thrpt", 1,
                Map.of("workload", workload, "model", model, "workers", String.valueOf(workers), "tasks", "64"),
                opsPerSecond, 1, "ops/s");
    }

    static Series series(String workload, int[] workers, double[] x) {
        List<JmhRow> rows = new ArrayList<>();
        for (int i = 0; i < workers.length; i++) {
            rows.add(row(workload, "PLATFORM_THREADS", workers[i], x[i]));
        }
        return Series.of(rows).get(0);
    }

    static String reading(double sigma, double kappa, int... workers) {
        return UslReading.of(series("CPU", workers, UslFitTest.curve(sigma, kappa, workers)), false);
    }

    @Test
    void readingsInWords() {
        assertThat(reading(1, 0, 1, 2, 4, 8)).endsWith("serialised: σ ≈ 1, more workers cannot help");
        assertThat(reading(0, 0, 1, 2, 4, 8)).endsWith("linear so far (σ≈0, κ≈0)");
        assertThat(reading(0.3, 0, 1, 2, 4, 8)).endsWith("contention-bound (σ=0.30): speedup tends to 3.3×");
        assertThat(reading(0.02, 0.0068, 1, 2, 4, 8)).contains("σ=0.02 κ=0.0068").endsWith("coherency-bound past N ≈ 12");
        assertThat(reading(0.05, 0.02, 1, 2, 4, 8, 16)).endsWith("coherency-bound past N ≈ 7 (throughput falls beyond it: retrograde)");
        assertThat(reading(1, 0.05, 1, 2, 4, 8)).endsWith("more workers cannot help, and each one costs (κ=0.050)");
        // a peak far beyond what was measured does not shape the curve: the reading is σ's
        assertThat(reading(0.2, 0.00001, 1, 2, 4)).contains("contention-bound (σ=0.20)");
    }

    @Test
    void ioWorkloadsAreFlatNotSerialised() {
        Series s = series("IO_SLEEP", new int[] {1, 2, 4}, new double[] {500, 500, 500});
        assertThat(UslReading.of(s, true)).endsWith("flat: σ ≈ 1, more workers do not help");
    }

    @Test
    void tooFewPointsSaySo() {
        assertThat(UslReading.of(series("CPU", new int[] {2}, new double[] {1}), false)).isEqualTo("one worker count: no fit");
        assertThat(UslReading.of(series("CPU", new int[] {1, 2}, new double[] {1, 2}), false)).startsWith("two worker counts: no fit");
        assertThat(UslReading.of(series("CPU", new int[] {2, 4, 8}, new double[] {1, 2, 3}), false)).startsWith("no workers=1 point");
    }
}
