package io.cpabench.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code compare} given what {@code run} writes: runner directories ({@code <runner>/jdk<label>/}) and
 * results roots, paired by JDK label, with labels on one side only named; plain inputs unchanged.
 */
class CompareRunnerDirsTest {
    @TempDir
    Path tmp;

    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();

    private static final double[] STEADY = {1000, 1002, 998, 1001, 999};
    private static final double[] UP_10 = {1100, 1102, 1098, 1101, 1099};

    private int run(String... args) {
        return Cli.execute(args, new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8));
    }

    private String stdout() {
        return out.toString(StandardCharsets.UTF_8);
    }

    private void result(String dir, double[] sequential) throws Exception {
        Path d = Files.createDirectories(tmp.resolve(dir));
        Files.writeString(d.resolve("2026-11-29T10-00-00Z.json"), new JmhFiles().scaling("CPU", "SEQUENTIAL", sequential).json());
        Files.writeString(d.resolve("2026-11-29T10-00-00Z.env.json"), "{\"cpu\":\"x\"}");
    }

    /** aa1 has jdk17 and jdk25-zgc, aa2 has jdk17 (10% faster) and jdk25-zgc and jdk21. */
    private void twoRunners() throws Exception {
        result("aa1/jdk17", STEADY);
        result("aa1/jdk25-zgc", STEADY);
        result("aa2/jdk17", UP_10);
        result("aa2/jdk25-zgc", STEADY);
        result("aa2/jdk21", STEADY);
        Files.writeString(tmp.resolve("aa1/report.html"), "<html></html>");
    }

    @Test
    void twoRunnerDirectoriesArePairedByJdkLabelOneComparisonEach() throws Exception {
        twoRunners();

        assertThat(run("compare", tmp.resolve("aa1").toString(), tmp.resolve("aa2").toString())).isZero();

        String text = stdout();
        assertThat(text).contains("== jdk17: " + tmp.resolve("aa1/jdk17") + " vs " + tmp.resolve("aa2/jdk17") + " ==")
                .contains("== jdk25-zgc: ").contains("only in new, not compared: jdk21 (" + tmp.resolve("aa2/jdk21") + ")");
        String jdk17 = text.substring(text.indexOf("== jdk17"), text.indexOf("== jdk25-zgc"));
        String zgc = text.substring(text.indexOf("== jdk25-zgc"));
        assertThat(jdk17).contains("1 rows compared: 1 faster");
        assertThat(zgc).contains("1 rows compared: 1 ~");
    }

    @Test
    void jsonListsEveryPairAndTheLabelsOneSideOnlyHas() throws Exception {
        twoRunners();

        assertThat(run("compare", tmp.resolve("aa2").toString(), tmp.resolve("aa1").toString(), "--format", "json")).isZero();

        JsonNode root = new ObjectMapper().readTree(stdout());
        assertThat(root.path("comparisons")).hasSize(2);
        JsonNode first = root.path("comparisons").get(0);
        assertThat(first.path("label").asText()).isEqualTo("jdk17");
        assertThat(first.path("old").asText()).isEqualTo(tmp.resolve("aa2/jdk17").toString());
        assertThat(first.path("rows").get(0).path("verdict").asText()).isEqualTo("slower");
        assertThat(first.path("machine_load")).hasSize(2);
        assertThat(root.path("only_in_old").get(0).path("label").asText()).isEqualTo("jdk21");
        assertThat(root.path("only_in_new")).isEmpty();
    }

    @Test
    void markdownHasAHeadingPerPair() throws Exception {
        twoRunners();

        assertThat(run("compare", tmp.resolve("aa1").toString(), tmp.resolve("aa2").toString(), "--format", "md")).isZero();

        assertThat(stdout()).contains("### jdk17: `").contains("### jdk25-zgc: `").contains("**faster**")
                .contains("- only in new, not compared: jdk21");
    }

    @Test
    void aRegressionInAnyPairFailsTheBuildWhenAsked() throws Exception {
        twoRunners();

        assertThat(run("compare", tmp.resolve("aa2").toString(), tmp.resolve("aa1").toString(), "--fail-on-regression"))
                .isEqualTo(CompareCommand.REGRESSION);
    }

    @Test
    void resultsRootsPairByRunnerAndJdk() throws Exception {
        result("night1/box/jdk17", STEADY);
        result("night1/big/jdk17", STEADY);
        result("night2/box/jdk17", UP_10);

        assertThat(run("compare", tmp.resolve("night1").toString(), tmp.resolve("night2").toString(), "--format", "json")).isZero();

        JsonNode root = new ObjectMapper().readTree(stdout());
        assertThat(root.path("comparisons")).hasSize(1);
        assertThat(root.path("comparisons").get(0).path("label").asText()).isEqualTo("box/jdk17");
        assertThat(root.path("only_in_old").get(0).path("label").asText()).isEqualTo("big/jdk17");
    }

    @Test
    void aJdkDirectoryIsStillOneSetWithTheDocumentItAlwaysHad() throws Exception {
        result("aa1/jdk17", STEADY);
        result("aa2/jdk17", UP_10);

        assertThat(run("compare", tmp.resolve("aa1/jdk17").toString(), tmp.resolve("aa2/jdk17").toString(), "--format", "json")).isZero();

        JsonNode root = new ObjectMapper().readTree(stdout());
        assertThat(root.has("comparisons")).isFalse();
        assertThat(root.path("rows").get(0).path("verdict").asText()).isEqualTo("faster");
    }

    @Test
    void oneSetAgainstARunnerWithOneJdkPairsThem() throws Exception {
        result("aa1/jdk17", STEADY);
        result("aa2/jdk17", UP_10);

        assertThat(run("compare", tmp.resolve("aa1/jdk17/2026-11-29T10-00-00Z.json").toString(), tmp.resolve("aa2").toString())).isZero();

        assertThat(stdout()).contains("== jdk17: ").contains("1 faster");
    }

    @Test
    void oneSetAgainstSeveralJdksIsBadInputNamingThem() throws Exception {
        twoRunners();

        int rc = run("compare", tmp.resolve("aa1/jdk17").toString(), tmp.resolve("aa2").toString());

        assertThat(rc).isEqualTo(Cli.BAD_INPUT);
        assertThat(err.toString(StandardCharsets.UTF_8).strip().lines()).hasSize(1);
        assertThat(err.toString(StandardCharsets.UTF_8)).contains("old is one result set but new holds jdk17, jdk21, jdk25-zgc");
        assertThat(stdout()).isEmpty();
    }

    @Test
    void noLabelInCommonIsBadInputNamingBothSides() throws Exception {
        result("aa1/jdk17", STEADY);
        result("aa2/jdk25", STEADY);
        result("aa2/jdk21", STEADY);

        int rc = run("compare", tmp.resolve("aa1").toString(), tmp.resolve("aa2").toString());

        assertThat(rc).isEqualTo(Cli.BAD_INPUT);
        assertThat(err.toString(StandardCharsets.UTF_8)).contains("no JDK label on both sides: old has jdk17, new has jdk21, jdk25");
        assertThat(stdout()).isEmpty();
    }

    @Test
    void aDamagedSetInAnyPairStopsBeforeAnythingIsPrinted() throws Exception {
        twoRunners();
        Files.writeString(tmp.resolve("aa2/jdk25-zgc/2026-11-29T11-00-00Z.json"), "[{\"benchmark\":");

        int rc = run("compare", tmp.resolve("aa1").toString(), tmp.resolve("aa2").toString());

        assertThat(rc).isEqualTo(Cli.BAD_INPUT);
        assertThat(err.toString(StandardCharsets.UTF_8)).contains("new (jdk25-zgc): not JMH JSON");
        assertThat(stdout()).isEmpty();
    }
}
