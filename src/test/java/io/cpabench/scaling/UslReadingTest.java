package io.cpabench.scaling;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.cpabench.results.JmhRow;
import io.cpabench.scaling.UslReading.Cause;
import io.cpabench.scaling.UslReading.Reading;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The readings on curves whose cause is known: USL curves of known σ and κ, simulated locks, GIL-like flats. */
class UslReadingTest {
    private static final int[] UP_TO_64 = {1, 2, 4, 8, 16, 32, 64};

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

    static Reading read(double sigma, double kappa, int... workers) {
        return UslReading.read(series("CPU", workers, UslFitTest.curve(sigma, kappa, workers)), false);
    }

    /**
     * Throughput of {@code n} workers sharing one lock that a share {@code s} of each task holds: a closed
     * queue with one server (the lock) and the unlocked part as think time, by exact mean value analysis
     * (exponential hold times: the slower, "random service" side of the lock's ceiling 1/s).
     */
    static double[] lockCurve(double s, int[] workers) {
        int max = workers[workers.length - 1];
        double[] byN = new double[max + 1];
        double queue = 0;
        for (int n = 1; n <= max; n++) {
            double response = s * (1 + queue);
            byN[n] = n / ((1 - s) + response);
            queue = byN[n] * response;
        }
        double[] x = new double[workers.length];
        for (int i = 0; i < workers.length; i++) {
            x[i] = 1000 * byN[workers[i]];
        }
        return x;
    }

    @Test
    void readingsInWords() {
        assertThat(reading(1, 0, 1, 2, 4, 8)).contains("serialised: σ ≈ 1, more workers cannot help").contains("a GIL");
        assertThat(reading(0, 0, 1, 2, 4, 8)).endsWith("linear so far (σ≈0, κ≈0)");
        assertThat(reading(0.3, 0, 1, 2, 4, 8)).contains("contention-bound (σ=0.30): speedup tends to 3.3×");
        assertThat(reading(0.02, 0.0068, 1, 2, 4, 8)).contains("σ=0.02 κ=0.0068").contains("coherency-bound past N ≈ 12:");
        assertThat(reading(0.05, 0.02, 1, 2, 4, 8, 16)).contains("coherency-bound past N ≈ 7 (throughput falls beyond it: retrograde)");
        assertThat(reading(1, 0.05, 1, 2, 4, 8)).endsWith("more workers cannot help (one thing runs at a time: a GIL, or one lock around everything), and each one costs (κ=0.050)");
        // a peak far beyond what was measured does not shape the curve: the reading is σ's
        assertThat(reading(0.2, 0.00001, 1, 2, 4)).contains("contention-bound (σ=0.20)");
    }

    @Test
    void knownSigmaIsReadAsContentionWithItsCeiling() {
        for (double sigma : new double[] {0.1, 0.2, 0.3, 0.5}) {
            Reading r = read(sigma, 0, 1, 2, 4, 8);
            assertThat(r.cause()).as("σ=%s", sigma).isEqualTo(Cause.CONTENDED);
            assertThat(r.ceiling()).as("σ=%s", sigma).isCloseTo(1 / sigma, within(0.15 / sigma));
        }
    }

    @Test
    void knownKappaIsReadAsCoherencyWithItsPeak() {
        for (double[] k : new double[][] {{0.02, 0.0068}, {0.05, 0.02}, {0, 0.004}, {0.01, 0.001}}) {
            Reading r = read(k[0], k[1], UP_TO_64);
            double peak = Math.sqrt((1 - k[0]) / k[1]);
            assertThat(r.cause()).as("σ=%s κ=%s", k[0], k[1]).isEqualTo(Cause.COHERENCY);
            assertThat(r.peak()).as("σ=%s κ=%s", k[0], k[1]).isCloseTo(peak, within(0.15 * peak));
        }
    }

    @Test
    void aLockUpTo64WorkersIsNamedWithItsCeiling() {
        for (int percent = 5; percent <= 50; percent += 5) {
            double s = percent / 100.0;
            Reading r = UslReading.read(series("SHARED_LOCK", UP_TO_64, lockCurve(s, UP_TO_64)), false);
            assertThat(r.cause()).as("serial share %d%%: %s", percent, r.text()).isEqualTo(Cause.CONTENDED);
            assertThat(r.ceiling()).as("serial share %d%%: %s", percent, r.text()).isCloseTo(1 / s, within(0.15 / s));
            assertThat(r.text()).contains("levels off at");
        }
    }

    @Test
    void aLockWithFixedHoldTimesIsNamedWithItsCeilingToo() {
        // the other side of the queueing range: the lock never idles once N ≥ 1/s, speedup min(N, 1/s)
        for (int percent = 5; percent <= 50; percent += 5) {
            double s = percent / 100.0;
            double[] x = new double[UP_TO_64.length];
            for (int i = 0; i < x.length; i++) {
                x[i] = 1000 * Math.min(UP_TO_64[i], 1 / s);
            }
            Reading r = UslReading.read(series("SHARED_LOCK", UP_TO_64, x), false);
            assertThat(r.cause()).as("serial share %d%%", percent).isEqualTo(Cause.CONTENDED);
            assertThat(r.ceiling()).as("serial share %d%%", percent).isCloseTo(1 / s, within(0.15 / s));
        }
    }

    @Test
    void twoWorkerCountsSayWhatOneSpeedupCanAndCannotTell() {
        Reading lock = UslReading.read(series("SHARED_LOCK", new int[] {1, 2}, new double[] {100, 130}), false);
        assertThat(lock.cause()).isEqualTo(Cause.SHARED);
        assertThat(lock.text()).contains("1.30× over one worker on 2 workers").contains("cannot tell a lock")
                .contains("at most 77% of each task serial").contains("measure more worker counts");
        Reading gil = UslReading.read(series("CPU", new int[] {1, 2}, new double[] {100, 97}), false);
        assertThat(gil.cause()).isEqualTo(Cause.SERIALISED);
        assertThat(gil.text()).startsWith("serialised: 0.97× over one worker on 2 workers").contains("a GIL");
        Reading parallel = UslReading.read(series("NATIVE", new int[] {1, 2}, new double[] {100, 195}), false);
        assertThat(parallel.cause()).isEqualTo(Cause.PARALLEL);
        assertThat(parallel.text()).contains("two worker counts cannot show where it stops");
    }

    @Test
    void oneWorkerCountReadsAgainstSequential() {
        List<JmhRow> rows = List.of(row("IO_SLEEP", "SEQUENTIAL", 2, 10), row("IO_SLEEP", "EVENT_LOOP", 2, 400),
                row("IO_SLEEP", "GIL_THREADS", 2, 10.2));
        List<Series> all = Series.of(rows);
        assertThat(UslReading.read(all.get(0), true).cause()).isEqualTo(Cause.OVERLAPPED_WAITS);
        assertThat(UslReading.of(all.get(0), true)).startsWith("overlapped waits: 40.0× over SEQUENTIAL on 2 workers");
        assertThat(UslReading.of(all.get(1), true)).startsWith("flat: 1.02× over SEQUENTIAL on 2 workers");
    }

    @Test
    void ioWorkloadsAreFlatNotSerialised() {
        Series s = series("IO_SLEEP", new int[] {1, 2, 4}, new double[] {500, 500, 500});
        assertThat(UslReading.of(s, true)).endsWith("flat: σ ≈ 1, more workers do not help");
    }

    @Test
    void tooFewPointsSaySo() {
        assertThat(UslReading.of(series("CPU", new int[] {2}, new double[] {1}), false))
                .isEqualTo("one worker count and no SEQUENTIAL: nothing to compare it with");
        assertThat(UslReading.of(series("CPU", new int[] {1}, new double[] {1}), false)).startsWith("one worker count: 1.00× over one worker");
        assertThat(UslReading.of(series("CPU", new int[] {2, 4, 8}, new double[] {1, 2, 3}), false)).startsWith("no workers=1 point");
    }

    @Test
    void noopTasksAreNotReadAsASerialShare() {
        List<JmhRow> rows = List.of(row("NOOP", "SEQUENTIAL", 2, 758_000_000), row("NOOP", "PLATFORM_THREADS", 2, 204_000));
        Series threads = Series.of(rows).get(0);
        assertThat(UslReading.read(threads, false).cause()).isEqualTo(Cause.UNREAD);
        assertThat(UslReading.of(threads, false)).startsWith("no work to share: NOOP measures the hand-off alone");
        // the same rows on a workload with work are read as serialised: the guard is the workload, not the ratio
        List<JmhRow> cpu = List.of(row("CPU", "SEQUENTIAL", 2, 758_000_000), row("CPU", "PLATFORM_THREADS", 2, 204_000));
        assertThat(UslReading.read(Series.of(cpu).get(0), false).cause()).isEqualTo(Cause.SERIALISED);
    }
}
