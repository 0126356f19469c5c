package io.cpabench.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code compare} on rows with latency percentiles: sub-rows in every format, the {@code metric}
 * field, {@code --min-effect-latency}, and a tail regression failing the build while the score holds.
 */
class CompareLatencyTest {
    @TempDir
    Path tmp;

    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();

    /** The arrival rate kept: the same on both sides, as when only the tail moves. */
    private static final double[] RATE = {499.9, 500.0, 500.1, 499.95, 500.05};
    private static final double[] P50 = {2.70, 2.72, 2.69, 2.71, 2.70};
    // tails whose fork means spread about 3%: five forks a side decide them at the ±5% band
    private static final double[] P99 = {3.85, 4.15, 4.0, 3.9, 4.1};
    private static final double[] P999 = {4.8, 5.2, 5.0, 4.9, 5.1};

    private static double[] times(double[] xs, double factor) {
        return java.util.Arrays.stream(xs).map(x -> x * factor).toArray();
    }

    private int run(String... args) {
        return Cli.execute(args, new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8));
    }

    private String stdout() {
        return out.toString(StandardCharsets.UTF_8);
    }

    private Path write(String name, JmhFiles f) throws Exception {
        return Files.writeString(tmp.resolve(name), f.json());
    }

    /** Old: the steady tail; new: p99 30% higher, everything else the same. */
    private List<Path> p99Up30() throws Exception {
        return List.of(write("old.json", new JmhFiles().loopLatency("EVENT_LOOP", RATE, P50, P99, P999)),
                write("new.json", new JmhFiles().loopLatency("EVENT_LOOP", RATE, P50, times(P99, 1.3), P999)));
    }

    private int compare(List<Path> sides, String... options) {
        List<String> args = new ArrayList<>(List.of("compare", sides.get(0).toString(), sides.get(1).toString()));
        args.addAll(List.of(options));
        return run(args.toArray(String[]::new));
    }

    private JsonNode rows() throws Exception {
        return new ObjectMapper().readTree(stdout()).path("rows");
    }

    @Test
    void jsonHasTheScoreThenOneRowPerPercentileNamedByMetric() throws Exception {
        assertThat(compare(p99Up30(), "--format", "json")).isZero();

        JsonNode rows = rows();
        assertThat(rows).extracting(r -> r.path("metric").asText())
                .containsExactly("score", "latency.p50", "latency.p99", "latency.p99.9");
        assertThat(rows).extracting(r -> r.path("params").path("model").asText()).containsOnly("EVENT_LOOP");
        JsonNode score = rows.get(0);
        assertThat(score.path("unit").asText()).isEqualTo("ops/s");
        assertThat(score.path("verdict").asText()).isEqualTo("~");
        JsonNode p99 = rows.get(2);
        assertThat(p99.path("unit").asText()).isEqualTo("ms");
        assertThat(p99.path("higher_is_better").asBoolean()).isFalse();
        assertThat(p99.path("ratio").asDouble()).isEqualTo(1.3, org.assertj.core.data.Offset.offset(1e-9));
        assertThat(p99.path("ci_low").asDouble()).isGreaterThan(1.05);
        assertThat(p99.path("verdict").asText()).isEqualTo("slower");
        assertThat(p99.path("old").path("forks").asInt()).isEqualTo(5);
        assertThat(p99.path("old").path("mean").asDouble()).isEqualTo(4.0, org.assertj.core.data.Offset.offset(1e-9));
        assertThat(rows.get(1).path("verdict").asText()).isEqualTo("~");
        assertThat(rows.get(3).path("verdict").asText()).isEqualTo("~");
        assertThat(new ObjectMapper().readTree(stdout()).path("min_effect_latency").asDouble()).isEqualTo(0.05);
    }

    @Test
    void aTailRegressionFailsTheBuildThoughTheScoreIsUnchanged() throws Exception {
        assertThat(compare(p99Up30(), "--fail-on-regression")).isEqualTo(CompareCommand.REGRESSION);
        out.reset();
        assertThat(compare(p99Up30())).isZero();
        out.reset();
        // the tail band is its own: wide enough, the same 30% is no verdict, and the build passes
        assertThat(compare(p99Up30(), "--fail-on-regression", "--min-effect-latency", "40%", "--format", "json")).isZero();
        assertThat(rows().get(2).path("verdict").asText()).isEqualTo("~");
    }

    @Test
    void equalTailsAreNoChangeAndPass() throws Exception {
        Path a = write("a.json", new JmhFiles().loopLatency("EVENT_LOOP", RATE, P50, P99, P999));
        // the same distribution, forks in another order
        Path b = write("b.json", new JmhFiles().loopLatency("EVENT_LOOP", RATE, P50,
                new double[] {4.1, 3.9, 4.15, 3.85, 4.0}, new double[] {5.1, 4.9, 5.2, 4.8, 5.0}));
        assertThat(compare(List.of(a, b), "--fail-on-regression", "--format", "json")).isZero();
        assertThat(rows()).extracting(r -> r.path("verdict").asText()).containsOnly("~");
    }

    @Test
    void equalButNoisyTailsAreUnsureSayHowManyForksAndPass() throws Exception {
        // fork means spreading 8%, as the nightly's p99 often do on a 2-vCPU guest: five forks cannot
        // bound a change to ±5%, and compare says so rather than "~"
        double[] noisy = {3.6, 4.4, 4.0, 3.8, 4.2};
        Path a = write("a.json", new JmhFiles().loopLatency("EVENT_LOOP", RATE, P50, noisy, P999));
        Path b = write("b.json", new JmhFiles().loopLatency("EVENT_LOOP", RATE, P50, new double[] {4.2, 3.8, 4.4, 3.6, 4.0}, P999));
        assertThat(compare(List.of(a, b), "--fail-on-regression")).isZero();
        assertThat(stdout()).contains("unsure rows: forks a side for a verdict at ±2% (latency percentiles ±5%)")
                .containsPattern("LoopLatencyBenchmark.run thrpt model=EVENT_LOOP rate=500 p99: \\d+ forks a side \\(fork means spread 7\\.\\d+% old");
        out.reset();
        assertThat(compare(List.of(a, b), "--format", "json")).isZero();
        assertThat(rows().get(2).path("verdict").asText()).isEqualTo("unsure");
        assertThat(rows().get(2).path("forks_needed").asInt()).isGreaterThan(5);
    }

    @Test
    void aFasterTailIsNoRegression() throws Exception {
        Path a = write("a.json", new JmhFiles().loopLatency("EVENT_LOOP", RATE, P50, P99, P999));
        Path b = write("b.json", new JmhFiles().loopLatency("EVENT_LOOP", RATE, P50, times(P99, 0.7), P999));
        assertThat(compare(List.of(a, b), "--fail-on-regression", "--format", "json")).isZero();
        assertThat(rows().get(2).path("verdict").asText()).isEqualTo("faster");
    }

    @Test
    void textShowsThePercentilesAsSubRowsUnderTheirRow() throws Exception {
        Path a = write("a.json", new JmhFiles().loopLatency("EVENT_LOOP", RATE, P50, P99, P999)
                .loopLatency("PLATFORM_THREADS", RATE, P50, P99, P999));
        Path b = write("b.json", new JmhFiles().loopLatency("EVENT_LOOP", RATE, P50, times(P99, 1.3), P999)
                .loopLatency("PLATFORM_THREADS", RATE, P50, P99, P999));

        assertThat(compare(List.of(a, b))).isZero();

        String text = stdout();
        assertThat(text).contains("LoopLatencyBenchmark.run thrpt (ops/s, higher is better; ↳ latency percentiles: ms, lower is better, band ±5%)")
                .contains("2 rows compared: 2 ~; 6 latency percentiles compared: 1 slower, 5 ~")
                .doesNotContain("unsure")
                .contains("latency sub-rows: the same on each fork's mean of its per-iteration percentiles (ms, lower is better), band ±5%");
        List<String> lines = text.lines().filter(l -> l.startsWith("  model=") || l.startsWith("    ↳")).toList();
        assertThat(lines).hasSize(8);
        assertThat(lines.get(0)).contains("model=EVENT_LOOP").endsWith("~");
        assertThat(lines.get(1)).contains("↳ p50 (ms)").endsWith("~");
        assertThat(lines.get(2)).contains("↳ p99 (ms)").contains("1.300").endsWith("slower");
        assertThat(lines.get(3)).contains("↳ p99.9 (ms)");
        assertThat(lines.get(4)).contains("model=PLATFORM_THREADS");
        assertThat(lines.subList(5, 8)).allSatisfy(l -> assertThat(l).contains("↳").endsWith("~"));
        // the ratio column lines up for rows and sub-rows
        assertThat(lines.get(2).indexOf("1.300")).isEqualTo(lines.get(0).indexOf("1.000"));
    }

    @Test
    void markdownShowsThePercentilesAsSubRows() throws Exception {
        assertThat(compare(p99Up30(), "--format", "md")).isZero();
        List<String> table = stdout().lines().filter(l -> l.startsWith("| ")).toList();
        assertThat(table.get(0)).startsWith("| params |");
        assertThat(table.get(1)).startsWith("| model=EVENT_LOOP rate=500 |");
        assertThat(table.get(2)).startsWith("| ↳ p50 (ms) |");
        assertThat(table.get(3)).startsWith("| ↳ p99 (ms) |").endsWith("| **slower** |");
        assertThat(table.get(4)).startsWith("| ↳ p99.9 (ms) |");
    }

    @Test
    void aPercentileOnOneSideOnlyIsNotComparableAndSaysWhy() throws Exception {
        Path a = write("a.json", new JmhFiles().row("io.cpabench.bench.LoopLatencyBenchmark.run", "thrpt", "ops/s",
                "\"model\":\"EVENT_LOOP\",\"rate\":\"500\"", RATE));
        Path b = write("b.json", new JmhFiles().loopLatency("EVENT_LOOP", RATE, P50, P99, P999));
        assertThat(compare(List.of(a, b), "--format", "json", "--fail-on-regression")).isZero();
        JsonNode p99 = rows().get(2);
        assertThat(p99.path("verdict").asText()).isEqualTo("not comparable");
        assertThat(p99.path("reason").asText()).isEqualTo("old has no latency.p99");
    }

    @Test
    void rowsWithoutPercentilesGainOnlyTheMetricField() throws Exception {
        Path a = write("a.json", new JmhFiles().scaling("CPU", "SEQUENTIAL", 1000, 1002, 998));
        assertThat(compare(List.of(a, a), "--format", "json")).isZero();
        assertThat(rows()).singleElement().satisfies(r -> assertThat(r.path("metric").asText()).isEqualTo("score"));
        out.reset();
        assertThat(compare(List.of(a, a))).isZero();
        assertThat(stdout()).doesNotContain("latency").doesNotContain("↳");
    }

    @Test
    void aBadLatencyBandIsBadInputNamingTheOption() throws Exception {
        Path a = write("a.json", new JmhFiles().loopLatency("EVENT_LOOP", RATE, P50, P99, P999));
        int code = compare(List.of(a, a), "--min-effect-latency", "0.1");
        assertThat(code).isEqualTo(2);
        assertThat(err.toString(StandardCharsets.UTF_8).lines()).singleElement().asString()
                .contains("bad --min-effect-latency '0.1'").contains("like 2%");
        assertThat(stdout()).isEmpty();
    }
}
