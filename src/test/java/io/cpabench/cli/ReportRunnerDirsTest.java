package io.cpabench.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code report} of two runner directories: a diff per JDK label, and a noise floor's detectable effects beside the verdicts. */
class ReportRunnerDirsTest {
    @TempDir
    Path tmp;

    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();

    private static final double[] STEADY = {1000, 1002, 998, 1001, 999};
    private static final double[] SPREAD = {1000, 1040, 960, 1020, 980};

    private int run(String... args) {
        return Cli.execute(args, new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8));
    }

    private void result(String dir, double[] forkMeans) throws Exception {
        Path d = Files.createDirectories(tmp.resolve(dir));
        Files.writeString(d.resolve("2026-11-29T10-00-00Z.json"),
                new JmhFiles().scaling("CPU", "SEQUENTIAL", forkMeans).scaling("CPU", "FORK_JOIN", STEADY).json());
    }

    private void runners() throws Exception {
        result("aa1/jdk17", STEADY);
        result("aa1/jdk25", STEADY);
        result("aa1/jdk21", STEADY);
        result("aa2/jdk17", SPREAD);
        result("aa2/jdk25", STEADY);
    }

    @Test
    void eachJdkLabelIsDiffedWithItsOwnAndAMissingOneIsNamed() throws Exception {
        runners();

        assertThat(run("report", tmp.resolve("aa1").toString(), tmp.resolve("aa2").toString(), "--out", tmp.resolve("out").toString())).isZero();

        String md = Files.readString(tmp.resolve("out/summary.md"));
        assertThat(md).contains("### aa2/jdk17/2026-11-29T10-00-00Z vs aa1/jdk17/2026-11-29T10-00-00Z")
                .contains("### aa2/jdk25/2026-11-29T10-00-00Z vs aa1/jdk25/2026-11-29T10-00-00Z")
                .contains("jdk21 not in " + tmp.resolve("aa2") + ": not compared there");
        assertThat(md).doesNotContain("vs aa1/jdk21").doesNotContain("aa1/jdk25/2026-11-29T10-00-00Z vs aa1/jdk17");
        assertThat(md).doesNotContain("detectable");
    }

    @Test
    void aNoiseFloorPutsEachRowsDetectableEffectBesideItsVerdict() throws Exception {
        runners();
        Path floor = tmp.resolve("floor/noise-floor.json");
        assertThat(run("noise-floor", tmp.resolve("aa1").toString(), tmp.resolve("aa2").toString(), "--out", floor.toString())).isZero();

        assertThat(run("report", tmp.resolve("aa1").toString(), tmp.resolve("aa2").toString(), "--out", tmp.resolve("out").toString(),
                "--noise-floor", floor.toString())).isZero();

        String md = Files.readString(tmp.resolve("out/summary.md"));
        assertThat(md).contains("| verdict | detectable |");
        // jdk17's SEQUENTIAL row spreads 3.2% on one side: its detectable effect is a few percent; jdk25's rows ±0.2%
        String jdk17 = md.substring(md.indexOf("### aa2/jdk17/2026-11-29T10-00-00Z vs"), md.indexOf("### aa2/jdk25/2026-11-29T10-00-00Z vs"));
        assertThat(jdk17).containsPattern("SEQUENTIAL.*\\| ±[3-6](\\.\\d)?% \\|");
        assertThat(md).contains("detectable: the smallest change");
        assertThat(Files.readString(tmp.resolve("out/report.html"))).contains("detectable");
    }

    @Test
    void aFileThatIsNotANoiseFloorIsBadInputAndNothingIsWritten() throws Exception {
        runners();
        Path bogus = Files.writeString(tmp.resolve("bogus.json"), "{\"rows\":[]}");

        int rc = run("report", tmp.resolve("aa1").toString(), tmp.resolve("aa2").toString(), "--out", tmp.resolve("out").toString(),
                "--noise-floor", bogus.toString());

        assertThat(rc).isEqualTo(Cli.BAD_INPUT);
        assertThat(err.toString(StandardCharsets.UTF_8).strip().lines()).hasSize(1).first().asString().contains("not a noise-floor file");
        assertThat(tmp.resolve("out")).doesNotExist();
    }

    @Test
    void oneRunnerDirectoryStillDiffsItsJdksAgainstTheFirst() throws Exception {
        result("aa1/jdk17", STEADY);
        result("aa1/jdk25", SPREAD);

        assertThat(run("report", tmp.resolve("aa1").toString(), "--out", tmp.resolve("out").toString())).isZero();

        assertThat(Files.readString(tmp.resolve("out/summary.md"))).contains("### jdk25/2026-11-29T10-00-00Z vs jdk17/2026-11-29T10-00-00Z");
    }
}
