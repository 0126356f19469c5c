package io.cpabench.scaling;

import static io.cpabench.scaling.UslReadingTest.row;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.cpabench.results.JmhRow;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ScalingReportTest {
    @Test
    void quickProfileHasOneWorkerCountSpeedupsAndWhatTheyCanTell() {
        List<JmhRow> rows = List.of(row("CPU", "SEQUENTIAL", 2, 100), row("CPU", "PLATFORM_THREADS", 2, 190),
                row("CPU", "GIL_THREADS", 2, 95));
        String out = ScalingReport.render(rows);
        assertThat(out).contains("ScalingBenchmark.run  CPU  (tasks=64)");
        assertThat(out).containsPattern("PLATFORM_THREADS +2 +— +1\\.90× +95%");
        assertThat(out).contains("PLATFORM_THREADS: parallel so far: 1.90× over SEQUENTIAL on 2 workers; one worker count cannot show where it stops")
                .contains("GIL_THREADS: serialised: 0.95× over SEQUENTIAL on 2 workers: one thing runs at a time");
        assertThat(out).doesNotContain("SEQUENTIAL:");
    }

    @Test
    void sweepGetsSpeedupsEfficiencyAndAReading() {
        List<JmhRow> rows = List.of(row("CPU", "SEQUENTIAL", 1, 100), row("CPU", "FORK_JOIN", 1, 98),
                row("CPU", "FORK_JOIN", 2, 196), row("CPU", "FORK_JOIN", 4, 392));
        Series s = Series.of(rows).get(0);
        assertThat(s.speedupVsOne(4)).isCloseTo(4, within(1e-12));
        assertThat(s.speedupVsSequential(4)).isCloseTo(3.92, within(1e-12));
        assertThat(s.efficiency(2)).isCloseTo(1, within(1e-12));
        assertThat(ScalingReport.render(rows)).contains("FORK_JOIN: σ=0.00 κ=0.0000: linear so far");
    }

    @Test
    void differentSettingsAreDifferentSeriesAndTimeBenchmarksAreLeftOut() {
        List<JmhRow> rows = List.of(row("CPU", "FORK_JOIN", 1, 1), row("IO_SLEEP", "FORK_JOIN", 1, 1),
                new JmhRow("io.cpabench.bench.DispatchBenchmark.run", "avgt", 1, Map.of("model", "FORK_JOIN", "workers", "2"), 5, 1, "ns/op"));
        assertThat(Series.of(rows)).extracting(Series::workload).containsExactly("CPU", "IO_SLEEP");
        assertThat(ScalingReport.render(List.of())).isEmpty();
    }
}
