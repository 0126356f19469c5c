package io.cpabench.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Rows a run marked too noisy on its machine (forks until precise at its cap, interval still wider
 * than the target) are shown apart in every format and never fail --fail-on-regression; a row that
 * is not marked still does.
 */
class CompareTooNoisyTest {
    private static final double[] STEADY = {1000, 1002, 998, 1001, 999};
    private static final double[] DOWN_20 = {800, 802, 798, 801, 799};

    @TempDir
    Path tmp;

    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private Path old;
    private Path candidate;

    private int run(String... args) {
        out.reset();
        return Cli.execute(args, new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8));
    }

    /** FORK_JOIN 20% slower, marked too noisy by the new side's run; SEQUENTIAL unchanged. */
    @BeforeEach
    void files() throws Exception {
        old = Files.writeString(tmp.resolve("a.json"), new JmhFiles().scaling("CPU", "SEQUENTIAL", STEADY).scaling("CPU", "FORK_JOIN", STEADY).json());
        candidate = Files.writeString(tmp.resolve("b.json"), new JmhFiles().scaling("CPU", "SEQUENTIAL", STEADY).scaling("CPU", "FORK_JOIN", DOWN_20).json());
        Files.writeString(tmp.resolve("b.env.json"), """
                {"forksUntilPrecise": [
                  {"benchmark": "io.cpabench.bench.ScalingBenchmark.run", "mode": "thrpt", "threads": 1,
                   "params": {"workload": "CPU", "model": "FORK_JOIN", "workers": "2"},
                   "forks": 30, "spread": 0.18, "halfWidth": 0.069, "precision": 0.02, "maxForks": 30, "outcome": "TOO_NOISY"},
                  {"benchmark": "io.cpabench.bench.ScalingBenchmark.run", "mode": "thrpt", "threads": 1,
                   "params": {"workload": "CPU", "model": "SEQUENTIAL", "workers": "2"},
                   "forks": 5, "spread": 0.001, "halfWidth": 0.001, "precision": 0.02, "maxForks": 30, "outcome": "PRECISE"}]}
                """);
    }

    @Test
    void textShowsTheRowApartWithItsSpreadAndDoesNotFail() {
        assertThat(run("compare", old.toString(), candidate.toString(), "--fail-on-regression", "--min-effect", "5%")).isZero();
        String text = out.toString(StandardCharsets.UTF_8);
        assertThat(text).contains("1 rows compared: 1 ~; 1 too noisy on this machine, not judged")
                .contains("too noisy on this machine, not judged (forks until precise reached its cap short of its precision):")
                .contains("ScalingBenchmark.run model=FORK_JOIN workers=2 workload=CPU: new/old 0.8")
                .contains("new: spread 18% after 30 forks, ±6.9% (wanted ±2%)")
                .doesNotContain("slower");
    }

    @Test
    void markdownAndJsonShowItApartToo() throws Exception {
        assertThat(run("compare", old.toString(), candidate.toString(), "--fail-on-regression", "--format", "md")).isZero();
        assertThat(out.toString(StandardCharsets.UTF_8)).contains("too noisy on this machine, not judged")
                .contains("- ScalingBenchmark.run model=FORK_JOIN workers=2 workload=CPU: new/old 0.800").contains("new: spread 18% after 30 forks");

        assertThat(run("compare", old.toString(), candidate.toString(), "--fail-on-regression", "--format", "json")).isZero();
        JsonNode root = new ObjectMapper().readTree(out.toString(StandardCharsets.UTF_8));
        assertThat(root.path("rows")).hasSize(1);
        assertThat(root.path("rows").get(0).path("params").path("model").asText()).isEqualTo("SEQUENTIAL");
        JsonNode noisy = root.path("too_noisy").get(0);
        assertThat(noisy.path("params").path("model").asText()).isEqualTo("FORK_JOIN");
        assertThat(noisy.path("verdict").asText()).isEqualTo("too noisy");
        assertThat(noisy.path("ratio").asDouble()).isBetween(0.79, 0.81);
        assertThat(noisy.path("old_precision").isNull()).isTrue();
        assertThat(noisy.path("new_precision").path("spread").asDouble()).isEqualTo(0.18);
        assertThat(noisy.path("new_precision").path("forks").asInt()).isEqualTo(30);
    }

    @Test
    void aMarkOnTheOldSideCountsAndAnUnmarkedRegressionStillFails() throws Exception {
        // swapped: the mark is now on the old side, and FORK_JOIN got faster there; it stays apart
        Files.move(tmp.resolve("b.env.json"), tmp.resolve("a.env.json"));
        assertThat(run("compare", candidate.toString(), old.toString(), "--fail-on-regression")).isZero();
        // without the mark, the same 20% is a regression that fails the gate
        Files.delete(tmp.resolve("a.env.json"));
        assertThat(run("compare", old.toString(), candidate.toString(), "--fail-on-regression")).isEqualTo(CompareCommand.REGRESSION);
        assertThat(out.toString(StandardCharsets.UTF_8)).doesNotContain("too noisy");
    }
}
