package io.cpabench.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.cpabench.stats.NoiseFloor;
import io.cpabench.stats.NoiseFloorJson;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code noise-floor} end to end on hand-made A/A files: the table, the file a report reads back, bad input. */
class NoiseFloorCommandTest {
    @TempDir
    Path tmp;

    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();

    private static final double[] STEADY = {1000, 1002, 998, 1001, 999};
    private static final double[] SWINGING = {800, 1200, 950, 1100, 1000};

    private int run(String... args) {
        return Cli.execute(args, new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8));
    }

    private Path aa(String name, boolean withOnlyOld) throws Exception {
        JmhFiles f = new JmhFiles().scaling("CPU", "SEQUENTIAL", STEADY).scaling("CPU", "EVENT_LOOP", SWINGING)
                .dispatch("FORK_JOIN", "ns/op", 1000);
        if (withOnlyOld) {
            f.scaling("CPU", "GIL_THREADS", STEADY);
        }
        return Files.writeString(tmp.resolve(name), f.json());
    }

    @Test
    void writesTheFileAReportReadsBackAndPrintsTheTable() throws Exception {
        Path a = aa("a.json", true);
        Path b = aa("b.json", false);
        Path file = tmp.resolve("calib/floor.json");

        assertThat(run("noise-floor", a.toString(), b.toString(), "--out", file.toString())).isZero();

        String text = out.toString(StandardCharsets.UTF_8);
        assertThat(text).contains("ScalingBenchmark.run thrpt").contains("detectable").contains("forks for ±2%")
                .contains("only in old").contains("old has 1 fork (need ≥ 2)")
                .contains("2 rows measured");
        NoiseFloor floor = NoiseFloorJson.read(file);
        assertThat(floor.power()).isEqualTo(0.8);
        assertThat(floor.alpha()).isEqualTo(0.05);
        NoiseFloor.Calibration c = floor.sets().get(0);
        NoiseFloor.Row loop = c.rows().stream().filter(r -> "EVENT_LOOP".equals(r.key().params().get("model"))).findFirst().orElseThrow();
        NoiseFloor.Row seq = c.rows().stream().filter(r -> "SEQUENTIAL".equals(r.key().params().get("model"))).findFirst().orElseThrow();
        // the swinging row spreads ~15%, the steady one ~0.2%: the detectable effects and forks follow
        assertThat(loop.oldSpread()).isBetween(0.14, 0.16);
        assertThat(loop.detectable()).isGreaterThan(0.2);
        assertThat(seq.detectable()).isLessThan(0.005);
        assertThat(loop.forksForBand()[1]).isGreaterThan(50);
        assertThat(loop.forksForBand()[0]).isGreaterThan(loop.forksForBand()[1]);
        assertThat(seq.forksForBand()).containsExactly(2, 2);
        assertThat(c.detectable(seq.key())).isEqualTo(seq.detectable());
    }

    @Test
    void jsonOnStdoutIsTheSameDocument() throws Exception {
        Path a = aa("a.json", false);
        Path b = aa("b.json", false);

        assertThat(run("noise-floor", a.toString(), b.toString(), "--format", "json", "--power", "0.9", "--alpha", "0.01")).isZero();

        JsonNode root = new ObjectMapper().readTree(out.toString(StandardCharsets.UTF_8));
        assertThat(root.path("kind").asText()).isEqualTo("cpabench noise floor");
        assertThat(root.path("power").asDouble()).isEqualTo(0.9);
        JsonNode row = root.path("sets").get(0).path("rows").get(1);
        assertThat(row.path("forks_needed").has("5%")).isTrue();
        assertThat(row.has("detectable_effect")).isTrue();
    }

    @Test
    void badPowerIsOneLineAndExitTwoAndNothingWritten() throws Exception {
        Path a = aa("a.json", false);
        Path file = tmp.resolve("floor.json");

        int rc = run("noise-floor", a.toString(), a.toString(), "--power", "1.5", "--out", file.toString());

        assertThat(rc).isEqualTo(Cli.BAD_INPUT);
        assertThat(err.toString(StandardCharsets.UTF_8).strip().lines()).hasSize(1).first().asString().contains("bad --power 1.5");
        assertThat(out.toString(StandardCharsets.UTF_8)).isEmpty();
        assertThat(file).doesNotExist();
    }

    @Test
    void aMissingRunIsOneLineAndExitTwo() throws Exception {
        Path a = aa("a.json", false);

        int rc = run("noise-floor", a.toString(), tmp.resolve("nope").toString());

        assertThat(rc).isEqualTo(Cli.BAD_INPUT);
        assertThat(err.toString(StandardCharsets.UTF_8)).contains("new: no such file or directory");
    }
}
