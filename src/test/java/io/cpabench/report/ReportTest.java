package io.cpabench.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ReportTest {
    @TempDir
    Path out;

    @Test
    void twoRunsGiveEveryChartAndTheDiff() throws Exception {
        Path html = Report.write(List.of(Fixtures.runs()), out);
        String page = Files.readString(html);
        // per run: 2 scaling (CPU, IO_SLEEP), 1 latency, 1 SIMD, 2 GIL; and one forest plot
        assertThat(Fixtures.count(page, "<svg class=\"chart\"")).isEqualTo(13);
        assertThat(page).contains("data-charts=\"13\"");
        assertThat(page).contains("<h2 id=\"simd\">SIMD</h2>");
        assertThat(page).contains(">new/old<").contains("fixture/jdk25/2026-01-01T00-20-00Z vs fixture/jdk17/2026-01-01T00-00-00Z");
        assertThat(page).contains("synthetic data for report tests");
        String md = Files.readString(out.resolve(Report.MARKDOWN));
        assertThat(md).contains("## Diff").contains("| # | result row |").contains("FORK_JOIN");
    }

    @Test
    void pageLoadsNothingFromOutside() throws Exception {
        String page = Files.readString(Report.write(List.of(Fixtures.runs()), out));
        assertThat(page).contains("Content-Security-Policy").contains("default-src 'none'");
        assertThat(page).doesNotContain(" src=\"").doesNotContain("href=\"http").doesNotContain("url(http")
                .doesNotContain("xlink:href=\"http").doesNotContain("@import");
        assertThat(page).contains("script-src " + PageScript.hash());
    }

    @Test
    void markupInResultsIsEscapedNotRun() throws Exception {
        String page = Files.readString(Report.write(List.of(Fixtures.hostile()), out));
        // the page's own script is the only one
        assertThat(Fixtures.count(page.toLowerCase(java.util.Locale.ROOT), "<script")).isEqualTo(1);
        assertThat(page).doesNotContain("<img").doesNotContain("</script><script>");
        assertThat(page).contains("&lt;script&gt;alert(&#39;model&#39;)&lt;/script&gt;");
        // In summary.md raw text may only appear inside fenced code blocks, which renderers show as text.
        String md = Files.readString(out.resolve(Report.MARKDOWN));
        assertThat(outsideFences(md)).doesNotContain("<").doesNotContain("alert('model')</");
    }

    @Test
    void nanScoresAndMissingMetricsShowNoData() throws Exception {
        String page = Files.readString(Report.write(List.of(Fixtures.hostile()), out));
        assertThat(page).contains("class=\"no-data\"").contains("no data: one result set");
        assertThat(page).contains("no data: no environment file");
    }

    @Test
    void oneRunHasNoDiffButStillItsCharts() throws Exception {
        Path jdk17 = Fixtures.runs().resolve("fixture/jdk17/2026-01-01T00-00-00Z.json");
        String page = Files.readString(Report.writeBeside(copy(jdk17)));
        assertThat(Fixtures.count(page, "<svg class=\"chart\"")).isEqualTo(6);
        assertThat(page).contains("no data: one result set");
        assertThat(out.resolve(Report.HTML)).exists();
        assertThat(out.resolve(Report.MARKDOWN)).exists();
    }

    @Test
    void rebuildingReplacesTheReport() throws Exception {
        Report.write(List.of(Fixtures.hostile()), out);
        Report.write(List.of(Fixtures.runs()), out);
        assertThat(Files.readString(out.resolve(Report.HTML))).contains("fixture/jdk25");
        try (var files = Files.list(out)) {
            assertThat(files.map(p -> p.getFileName().toString())).containsExactlyInAnyOrder(Report.HTML, Report.MARKDOWN);
        }
    }

    @Test
    void badInputWritesNothing() throws Exception {
        Path target = out.resolve("never");
        assertThatThrownBy(() -> Report.write(List.of(out.resolve("missing.json")), target))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("no such file");
        Path notJmh = Files.writeString(out.resolve("other.json"), "{\"a\": 1}");
        assertThatThrownBy(() -> Report.write(List.of(notJmh), target))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("not JMH JSON");
        Path broken = Files.writeString(out.resolve("broken.json"), "[{\"benchmark\": ");
        assertThatThrownBy(() -> Report.write(List.of(broken), target))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("not JMH JSON");
        assertThat(target).doesNotExist();
    }

    private static String outsideFences(String md) {
        StringBuilder out = new StringBuilder();
        boolean inside = false;
        for (String line : md.split("\n")) {
            if (line.startsWith("```")) {
                inside = !inside;
            } else if (!inside) {
                out.append(line).append('\n');
            }
        }
        return out.toString();
    }

    private Path copy(Path result) throws Exception {
        Path file = out.resolve(result.getFileName());
        Files.copy(result, file);
        return file;
    }
}
