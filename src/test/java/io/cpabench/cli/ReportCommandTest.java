package io.cpabench.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ReportCommandTest {
    @TempDir
    Path dir;

    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();

    private int run(String... args) {
        return Cli.execute(args, new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8));
    }

    @Test
    void missingInputIsOneLineAndExitTwoAndNothingWritten() {
        Path outDir = dir.resolve("out");
        int rc = run("report", dir.resolve("nope.json").toString(), "--out", outDir.toString());
        assertThat(rc).isEqualTo(Cli.BAD_INPUT);
        assertThat(err.toString(StandardCharsets.UTF_8).strip().lines()).hasSize(1).first().asString().contains("no such file");
        assertThat(outDir).doesNotExist();
    }

    @Test
    void notJmhJsonIsRejected() throws Exception {
        Path f = Files.writeString(dir.resolve("x.json"), "{}");
        assertThat(run("report", f.toString(), "--out", dir.resolve("out").toString())).isEqualTo(Cli.BAD_INPUT);
        assertThat(err.toString(StandardCharsets.UTF_8)).contains("not JMH JSON");
    }

    @Test
    void writesBothFilesAndPrintsThePath() throws Exception {
        Path results = Files.writeString(dir.resolve("r.json"), "[{\"benchmark\":\"a.B.run\",\"mode\":\"thrpt\",\"threads\":1,"
                + "\"params\":{\"model\":\"SEQUENTIAL\",\"workers\":\"1\",\"workload\":\"CPU\"},"
                + "\"primaryMetric\":{\"score\":10.0,\"scoreError\":\"NaN\",\"scoreUnit\":\"ops/s\",\"rawData\":[[10.0]]}}]");
        assertThat(run("report", results.toString(), "--out", dir.resolve("out").toString())).isZero();
        assertThat(out.toString(StandardCharsets.UTF_8)).contains("report: ").contains("report.html");
        assertThat(dir.resolve("out/report.html")).exists();
        assertThat(dir.resolve("out/summary.md")).exists();
    }

    @Test
    void historyWritesTheTrendsPage() throws Exception {
        Path night = Files.createDirectories(dir.resolve("history/ci16/2026-01-01/jdk17"));
        Files.writeString(night.resolve("2026-01-01T01-00-00Z.json"), "[{\"benchmark\":\"a.B.run\",\"mode\":\"thrpt\","
                + "\"threads\":1,\"params\":{},\"primaryMetric\":{\"score\":10.0,\"scoreError\":\"NaN\","
                + "\"scoreUnit\":\"ops/s\",\"rawData\":[[10.0],[11.0]]}}]");
        assertThat(run("report", "--history", dir.resolve("history").toString(), "--out", dir.resolve("out").toString())).isZero();
        assertThat(out.toString(StandardCharsets.UTF_8)).contains("report: ").contains("report.html");
        assertThat(Files.readString(dir.resolve("out/report.html"))).contains("cpabench trends").contains("ci16 · jdk17");
    }

    @Test
    void historyBadInputIsOneLineAndExitTwo() throws Exception {
        Files.createDirectories(dir.resolve("results/ci16/jdk17"));
        assertThat(run("report", "--history", dir.resolve("results").toString(), "--out", dir.resolve("out").toString()))
                .isEqualTo(Cli.BAD_INPUT);
        assertThat(err.toString(StandardCharsets.UTF_8).strip().lines()).hasSize(1).first().asString()
                .contains("not a nightly history").contains("<runner>/<YYYY-MM-DD>/jdk<label>");
        err.reset();
        assertThat(run("report", "x.json", "--history", dir.toString())).isEqualTo(Cli.BAD_INPUT);
        assertThat(err.toString(StandardCharsets.UTF_8).strip().lines()).hasSize(1).first().asString().contains("not both");
        err.reset();
        assertThat(run("report", "--history", dir.toString(), "--charts", "0")).isEqualTo(Cli.BAD_INPUT);
        assertThat(err.toString(StandardCharsets.UTF_8).strip().lines()).hasSize(1).first().asString()
                .contains("bad --charts '0'").contains("or all");
        assertThat(dir.resolve("out")).doesNotExist();
    }
}
