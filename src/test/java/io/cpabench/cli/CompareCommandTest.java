package io.cpabench.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code compare} end to end on hand-made JMH files: formats, exit codes, matching, pooling, direction. */
class CompareCommandTest {
    @TempDir
    Path tmp;

    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();

    private static final double[] STEADY = {1000, 1002, 998, 1001, 999};
    private static final double[] STEADY_10_UP = {1100, 1102, 1098, 1101, 1099};

    private int run(String... args) {
        return Cli.execute(args, new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8));
    }

    private String stdout() {
        return out.toString(StandardCharsets.UTF_8);
    }

    private Path write(String name, JmhFiles f) throws Exception {
        Path p = tmp.resolve(name);
        Files.createDirectories(p.getParent());
        return Files.writeString(p, f.json());
    }

    private JsonNode json() throws Exception {
        return new ObjectMapper().readTree(stdout());
    }

    private JsonNode row(JsonNode root, String model) {
        for (JsonNode r : root.path("rows")) {
            if (model.equals(r.path("params").path("model").asText())) {
                return r;
            }
        }
        throw new AssertionError("no row for " + model + " in " + root);
    }

    private void assertBadInput(int code, String... expected) {
        assertThat(code).isEqualTo(2);
        assertThat(err.toString(StandardCharsets.UTF_8).lines()).hasSize(1);
        assertThat(err.toString(StandardCharsets.UTF_8)).contains(expected);
        assertThat(stdout()).isEmpty();
    }

    @Test
    void jsonRowsCarryRatioIntervalAndVerdict() throws Exception {
        Path a = write("a.json", new JmhFiles().scaling("CPU", "SEQUENTIAL", STEADY).scaling("CPU", "FORK_JOIN", STEADY));
        Path b = write("b.json", new JmhFiles().scaling("CPU", "SEQUENTIAL", STEADY).scaling("CPU", "FORK_JOIN", STEADY_10_UP));

        assertThat(run("compare", a.toString(), b.toString(), "--format", "json")).isZero();

        JsonNode root = json();
        JsonNode same = row(root, "SEQUENTIAL");
        assertThat(same.path("benchmark").asText()).isEqualTo("io.cpabench.bench.ScalingBenchmark.run");
        assertThat(same.path("params").path("workload").asText()).isEqualTo("CPU");
        assertThat(same.path("ratio").asDouble()).isEqualTo(1.0, org.assertj.core.data.Offset.offset(1e-9));
        assertThat(same.path("ci_low").asDouble()).isLessThan(1).isGreaterThan(0.98);
        assertThat(same.path("ci_high").asDouble()).isGreaterThan(1).isLessThan(1.02);
        assertThat(same.path("verdict").asText()).isEqualTo("~");
        assertThat(same.path("p_value").asDouble()).isGreaterThan(0.5);
        JsonNode faster = row(root, "FORK_JOIN");
        assertThat(faster.path("ratio").asDouble()).isBetween(1.09, 1.11);
        assertThat(faster.path("verdict").asText()).isEqualTo("faster");
        assertThat(faster.path("p_value").asDouble()).isLessThan(0.01);
        assertThat(faster.path("old").path("forks").asInt()).isEqualTo(5);
        assertThat(root.path("geomeans").get(0).path("benchmark_class").asText()).isEqualTo("ScalingBenchmark");
    }

    @Test
    void textIsAnAlignedTableWithGeomeanAndSummary() throws Exception {
        Path a = write("a.json", new JmhFiles().scaling("CPU", "SEQUENTIAL", STEADY).scaling("CPU", "FORK_JOIN", STEADY));
        Path b = write("b.json", new JmhFiles().scaling("CPU", "SEQUENTIAL", STEADY).scaling("CPU", "FORK_JOIN", STEADY_10_UP));

        assertThat(run("compare", a.toString(), b.toString())).isZero();

        String text = stdout();
        assertThat(text).contains("ScalingBenchmark.run thrpt (ops/s, higher is better)")
                .contains("model=FORK_JOIN").contains("faster").contains("geomean").contains("1.049")
                .contains("2 rows compared: 1 faster, 1 ~");
        // varying params only: workload and workers are the same on every row
        assertThat(text).doesNotContain("workers=2");
        List<String> tableLines = text.lines().filter(l -> l.contains("model=")).toList();
        // rows in key order (FORK_JOIN first); the ratio column starts at the same place on both
        assertThat(tableLines.get(0).indexOf("1.100")).isPositive().isEqualTo(tableLines.get(1).indexOf("1.000"));
    }

    @Test
    void markdownIsATableForAJobSummary() throws Exception {
        Path a = write("a.json", new JmhFiles().scaling("CPU", "SEQUENTIAL", STEADY));
        Path b = write("b.json", new JmhFiles().scaling("CPU", "SEQUENTIAL", STEADY_10_UP));

        assertThat(run("compare", a.toString(), b.toString(), "--format", "md")).isZero();

        assertThat(stdout()).contains("| params | old | new | new/old | 95% CI | p | verdict |")
                .contains("|---|--:|--:|--:|---|--:|---|").contains("**faster**").contains("#### ScalingBenchmark.run thrpt");
    }

    @Test
    void markdownEscapesNamesAndValuesAsSummaryMdDoes() throws Exception {
        // two rows that differ only in a hostile value, so the params column shows it
        String hostile = "<script>alert(1)</script>|x\\nnext row";
        Path a = write("a.json", new JmhFiles().row("evil.<img src=x onerror=alert(1)>.run", "thrpt", "ops/s",
                "\"model\":\"" + hostile + "\"", STEADY).row("evil.<img src=x onerror=alert(1)>.run", "thrpt", "ops/s",
                "\"model\":\"plain\"", STEADY));
        Path b = write("b.json", new JmhFiles().row("evil.<img src=x onerror=alert(1)>.run", "thrpt", "ops/s",
                "\"model\":\"" + hostile + "\"", STEADY_10_UP).row("evil.<img src=x onerror=alert(1)>.run", "thrpt", "ops/s",
                "\"model\":\"plain\"", STEADY));

        assertThat(run("compare", a.toString(), b.toString(), "--format", "md")).isZero();

        assertThat(stdout()).doesNotContain("<script>").doesNotContain("<img").contains("&lt;script&gt;")
                .contains("&lt;/script&gt;\\|x next row");
        // the hostile row is one table line: the newline did not split it
        assertThat(stdout().lines().filter(l -> l.contains("script"))).hasSize(1).allMatch(l -> l.startsWith("| ") && l.endsWith(" |"));
    }

    @Test
    void unsureRowsSayHowManyForksWouldDecideThem() throws Exception {
        double[] swinging = {800, 1200, 950, 1100, 1000};
        Path a = write("a.json", new JmhFiles().scaling("CPU", "SEQUENTIAL", STEADY).scaling("CPU", "EVENT_LOOP", swinging));
        Path b = write("b.json", new JmhFiles().scaling("CPU", "SEQUENTIAL", STEADY).scaling("CPU", "EVENT_LOOP", swinging));

        assertThat(run("compare", a.toString(), b.toString())).isZero();
        assertThat(stdout()).contains("unsure rows: forks a side for a verdict at ±2%")
                .containsPattern("ScalingBenchmark.run thrpt model=EVENT_LOOP: \\d+ forks a side \\(fork means spread 15\\.\\d% old")
                .doesNotContain("model=SEQUENTIAL: ");
        out.reset();
        assertThat(run("compare", a.toString(), b.toString(), "--format", "md")).isZero();
        assertThat(stdout()).contains("- ScalingBenchmark.run thrpt model=EVENT_LOOP: ");
        out.reset();
        assertThat(run("compare", a.toString(), b.toString(), "--format", "json")).isZero();
        JsonNode root = json();
        assertThat(row(root, "EVENT_LOOP").path("verdict").asText()).isEqualTo("unsure");
        assertThat(row(root, "EVENT_LOOP").path("forks_needed").asInt()).isGreaterThan(5);
        assertThat(row(root, "EVENT_LOOP").path("old").path("spread").asDouble()).isBetween(0.1, 0.2);
        assertThat(row(root, "SEQUENTIAL").path("forks_needed").isNull()).isTrue();
    }

    @Test
    void aTimePerOpRowThatGotBiggerIsSlowerAndFailsTheBuildWhenAsked() throws Exception {
        Path a = write("a.json", new JmhFiles().dispatch("EVENT_LOOP", "ns/op", STEADY));
        Path b = write("b.json", new JmhFiles().dispatch("EVENT_LOOP", "ns/op", STEADY_10_UP));

        assertThat(run("compare", a.toString(), b.toString(), "--format", "json", "--fail-on-regression")).isEqualTo(1);

        JsonNode r = row(json(), "EVENT_LOOP");
        assertThat(r.path("verdict").asText()).isEqualTo("slower");
        assertThat(r.path("higher_is_better").asBoolean()).isFalse();
    }

    @Test
    void aRegressionWithoutTheFlagStillExitsZero() throws Exception {
        Path a = write("a.json", new JmhFiles().scaling("CPU", "SEQUENTIAL", STEADY_10_UP));
        Path b = write("b.json", new JmhFiles().scaling("CPU", "SEQUENTIAL", STEADY));
        assertThat(run("compare", a.toString(), b.toString())).isZero();
        assertThat(stdout()).contains("slower");
    }

    @Test
    void anImprovementDoesNotFailTheBuild() throws Exception {
        Path a = write("a.json", new JmhFiles().scaling("CPU", "SEQUENTIAL", STEADY));
        Path b = write("b.json", new JmhFiles().scaling("CPU", "SEQUENTIAL", STEADY_10_UP));
        assertThat(run("compare", a.toString(), b.toString(), "--fail-on-regression")).isZero();
    }

    @Test
    void unitsAreConvertedBeforeTheRatio() throws Exception {
        // 1000 ns/op then 1 us/op: the same speed under another -tu
        Path a = write("a.json", new JmhFiles().dispatch("EVENT_LOOP", "ns/op", STEADY));
        Path b = write("b.json", new JmhFiles().dispatch("EVENT_LOOP", "us/op", 1.000, 1.002, 0.998, 1.001, 0.999));
        assertThat(run("compare", a.toString(), b.toString(), "--format", "json")).isZero();
        assertThat(row(json(), "EVENT_LOOP").path("verdict").asText()).isEqualTo("~");
    }

    @Test
    void rowsOnOneSideOnlyAreListedNotDropped() throws Exception {
        Path a = write("a.json", new JmhFiles().scaling("CPU", "SEQUENTIAL", STEADY).scaling("CPU", "GIL_THREADS", STEADY));
        Path b = write("b.json", new JmhFiles().scaling("CPU", "SEQUENTIAL", STEADY).scaling("CPU", "VIRTUAL_THREADS", STEADY));

        assertThat(run("compare", a.toString(), b.toString())).isZero();
        assertThat(stdout()).contains("only in old, not compared:").contains("model=GIL_THREADS")
                .contains("only in new, not compared:").contains("model=VIRTUAL_THREADS")
                .contains("1 only in old").contains("1 only in new");

        out.reset();
        assertThat(run("compare", a.toString(), b.toString(), "--format", "json")).isZero();
        assertThat(row(json(), "GIL_THREADS").path("verdict").asText()).isEqualTo("only in old");
        assertThat(row(json(), "VIRTUAL_THREADS").path("verdict").asText()).isEqualTo("only in new");
    }

    @Test
    void eachSideSaysHowBusyTheMachineWasWhenItsEnvironmentFileKnows() throws Exception {
        Path a = write("old/2025-01-01T00-00-00Z.json", new JmhFiles().scaling("CPU", "SEQUENTIAL", STEADY));
        Path b = write("new/2025-01-02T00-00-00Z.json", new JmhFiles().scaling("CPU", "SEQUENTIAL", STEADY));
        // old: a quiet run; new: one of two pieces lost half the machine to something else
        Files.writeString(tmp.resolve("old/2025-01-01T00-00-00Z.env.json"), """
                {"machineLoad": {"busyPieces": [], "pieces": [
                  {"piece": "001-a", "start": "2025-01-01T00:00:00Z", "otherTicks": 4, "stealTicks": 0, "totalTicks": 1000}]}}
                """);
        Files.writeString(tmp.resolve("new/2025-01-02T00-00-00Z.env.json"), """
                {"machineLoad": {"busyPieces": [{"piece": "002-b"}], "pieces": [
                  {"piece": "001-a", "start": "2025-01-02T00:00:00Z", "otherTicks": 10, "stealTicks": 0, "totalTicks": 1000},
                  {"piece": "002-b", "start": "2025-01-02T00:00:05Z", "otherTicks": 450, "stealTicks": 50, "totalTicks": 1000}]}}
                """);

        assertThat(run("compare", tmp.resolve("old").toString(), b.toString())).isZero();
        assertThat(stdout()).contains("machine load, old: 1 run, 1 pieces: other processes took 0.4% of the CPUs, steal 0.0%, no piece on a busy machine")
                .contains("machine load, new: 1 run, 2 pieces: other processes took 23.0% of the CPUs, steal 2.5%, 1 on a busy machine (worst lost 50%)");

        out.reset();
        assertThat(run("compare", tmp.resolve("old").toString(), tmp.resolve("new").toString(), "--format", "json")).isZero();
        JsonNode newLoad = json().path("machine_load").get(1);
        assertThat(newLoad.path("side").asText()).isEqualTo("new");
        assertThat(newLoad.path("busy_pieces").asInt()).isEqualTo(1);
        assertThat(newLoad.path("worst_share").asDouble()).isEqualTo(0.5);

        // a bare result file, or an environment file from before loads were recorded, says so rather than looking quiet
        Path bare = write("bare.json", new JmhFiles().scaling("CPU", "SEQUENTIAL", STEADY));
        Files.writeString(tmp.resolve("old/2025-01-01T00-00-00Z.env.json"), "{\"cpu\":\"x\"}");
        out.reset();
        assertThat(run("compare", a.toString(), bare.toString(), "--format", "md")).isZero();
        assertThat(stdout()).contains("- machine load, old: not recorded (environment file without it)")
                .contains("- machine load, new: not recorded (no environment file)");
    }

    @Test
    void aDirectoryPoolsTheForksOfItsRunsAndSkipsEnvironmentFiles() throws Exception {
        write("old/2025-01-01T00-00-00Z.json", new JmhFiles().scaling("CPU", "SEQUENTIAL", 1000, 1002));
        write("old/2025-01-02T00-00-00Z.json", new JmhFiles().scaling("CPU", "SEQUENTIAL", 998, 1001, 999));
        Files.writeString(tmp.resolve("old/2025-01-01T00-00-00Z.env.json"), "{\"cpu\":\"x\"}");
        Files.writeString(tmp.resolve("old/notes.txt"), "not a result");
        Path b = write("new.json", new JmhFiles().scaling("CPU", "SEQUENTIAL", STEADY));

        assertThat(run("compare", tmp.resolve("old").toString(), b.toString(), "--format", "json")).isZero();

        JsonNode r = row(json(), "SEQUENTIAL");
        assertThat(r.path("old").path("forks").asInt()).isEqualTo(5);
        assertThat(r.path("old").path("mean").asDouble()).isEqualTo(1000.0, org.assertj.core.data.Offset.offset(1e-9));
    }

    @Test
    void aSingleForkIsNotComparableAndSaysWhy() throws Exception {
        Path a = write("a.json", new JmhFiles().scaling("CPU", "SEQUENTIAL", 1000));
        Path b = write("b.json", new JmhFiles().scaling("CPU", "SEQUENTIAL", STEADY));
        assertThat(run("compare", a.toString(), b.toString(), "--format", "json")).isZero();
        JsonNode r = row(json(), "SEQUENTIAL");
        assertThat(r.path("verdict").asText()).isEqualTo("not comparable");
        assertThat(r.path("reason").asText()).isEqualTo("old has 1 fork (need ≥ 2)");
        assertThat(r.path("ratio").isNull()).isTrue();
    }

    @Test
    void aMissingFileIsBadInput() throws Exception {
        Path b = write("b.json", new JmhFiles().scaling("CPU", "SEQUENTIAL", STEADY));
        assertBadInput(run("compare", tmp.resolve("nope.json").toString(), b.toString()), "old: no such file or directory", "nope.json");
    }

    @Test
    void aFileThatIsNotJmhJsonIsBadInput() throws Exception {
        Path a = Files.writeString(tmp.resolve("env.json"), "{\"cpu\":\"x\"}");
        Path garbage = Files.writeString(tmp.resolve("broken.json"), "[{\"benchmark\":");
        Path b = write("b.json", new JmhFiles().scaling("CPU", "SEQUENTIAL", STEADY));
        assertBadInput(run("compare", a.toString(), b.toString()), "old: not JMH JSON", "env.json");
        err.reset();
        assertBadInput(run("compare", b.toString(), garbage.toString()), "new: not JMH JSON", "broken.json");
    }

    @Test
    void nothingInCommonIsBadInput() throws Exception {
        Path a = write("a.json", new JmhFiles().scaling("CPU", "SEQUENTIAL", STEADY));
        Path b = write("b.json", new JmhFiles().scaling("IO_SLEEP", "SEQUENTIAL", STEADY));
        assertBadInput(run("compare", a.toString(), b.toString()), "nothing in common");
    }

    @Test
    void badOptionsAreBadInputNamingTheChoices() throws Exception {
        Path a = write("a.json", new JmhFiles().scaling("CPU", "SEQUENTIAL", STEADY));
        assertBadInput(run("compare", a.toString(), a.toString(), "--min-effect", "0.02"), "bad --min-effect '0.02'", "2%");
        err.reset();
        assertBadInput(run("compare", a.toString(), a.toString(), "--min-effect", "150%"), "bad --min-effect '150%'");
        err.reset();
        assertBadInput(run("compare", a.toString(), a.toString(), "--format", "xml"), "xml", "text", "md", "json");
        err.reset();
        assertBadInput(run("compare", a.toString()), "NEW");
    }

    @Test
    void minEffectWidensTheBandOfNoChange() throws Exception {
        Path a = write("a.json", new JmhFiles().scaling("CPU", "SEQUENTIAL", STEADY));
        Path b = write("b.json", new JmhFiles().scaling("CPU", "SEQUENTIAL", STEADY_10_UP));
        assertThat(run("compare", a.toString(), b.toString(), "--format", "json", "--min-effect", "15%")).isZero();
        assertThat(row(json(), "SEQUENTIAL").path("verdict").asText()).isEqualTo("~");
    }
}
