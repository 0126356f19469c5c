package io.cpabench.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A report over a run with --python: the CPython set beside the JVM set (the pairing table in
 * report.html and summary.md), and no diff between the two, whose rows differ.
 */
class CpythonReportTest {
    @TempDir
    Path tmp;

    private static String row(String bench, String workload, String model, double... forks) {
        StringBuilder raw = new StringBuilder();
        for (double f : forks) {
            raw.append(raw.length() == 0 ? "" : ", ").append("[").append(f).append(", ").append(f).append("]");
        }
        return "{\"benchmark\": \"" + bench + "\", \"mode\": \"thrpt\", \"threads\": 1, \"forks\": " + forks.length
                + ", \"params\": {\"workload\": \"" + workload + "\", \"model\": \"" + model + "\", \"workers\": \"2\"},"
                + " \"primaryMetric\": {\"score\": " + forks[0] + ", \"scoreError\": \"NaN\", \"scoreUnit\": \"ops/s\", \"rawData\": [" + raw + "]},"
                + " \"secondaryMetrics\": {}}";
    }

    private Path set(String dir, String... rows) throws IOException {
        Path d = Files.createDirectories(tmp.resolve("box").resolve(dir));
        Files.writeString(d.resolve("2026-12-02T03-00-00Z.json"), "[" + String.join(",\n", rows) + "]");
        return d;
    }

    @Test
    void theCpythonSetStandsBesideTheJvmSetAndIsNotDiffedAgainstIt() throws IOException {
        String jvm = "io.cpabench.bench.ScalingBenchmark.run";
        set("jdk17", row(jvm, "CPU", "SEQUENTIAL", 100, 101, 99), row(jvm, "CPU", "GIL_THREADS", 90, 91, 89));
        set("cpython3.11", row("cpython.ScalingBenchmark.run", "CPU", "SEQUENTIAL", 10, 10.1, 9.9),
                row("cpython.ScalingBenchmark.run", "CPU", "THREADS", 8, 8.1, 7.9));

        Path html = Report.write(List.of(tmp.resolve("box")), tmp.resolve("out"));

        String page = Files.readString(html);
        assertThat(page).contains("<h2 id=\"cpython\">CPython beside the imitation</h2>").contains("GIL_THREADS")
                .contains("THREADS").contains("faithful").contains("href=\"#cpython\"");
        String md = Files.readString(tmp.resolve("out").resolve(Report.MARKDOWN));
        assertThat(md).contains("## CPython beside the imitation").contains("| CPU, 2 workers, ÷ SEQUENTIAL | GIL_THREADS | 0.90 [")
                .contains("no data: one result set");
    }

    @Test
    void aReportWithoutCpythonSetsHasNoSuchSection() throws IOException {
        String jvm = "io.cpabench.bench.ScalingBenchmark.run";
        set("jdk17", row(jvm, "CPU", "SEQUENTIAL", 100, 101, 99));
        String page = Files.readString(Report.write(List.of(tmp.resolve("box")), tmp.resolve("out")));
        assertThat(page).doesNotContain("CPython beside").doesNotContain("#cpython");
    }
}
