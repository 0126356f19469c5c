package io.cpabench.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.awt.Color;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYSeries;
import org.knowm.xchart.style.markers.SeriesMarkers;

class HistoryReportTest {
    @TempDir
    Path tmp;

    /** ci16: jdk17 steady for six nights; jdk25 the same until its last night, whose p99 is 30% worse and flagged. */
    private Nights redLastNight() {
        Nights h = new Nights(tmp.resolve("history"));
        for (int d = 1; d <= 6; d++) {
            String night = "2026-01-0" + d;
            h.night("ci16", night, "jdk17", 1000, 20);
            h.night("ci16", night, "jdk25", 1000, d == 6 ? 26 : 20);
        }
        h.flag("ci16", "2026-01-06", "jdk25");
        return h;
    }

    private List<TrendSet> sets(Nights h, List<String> leftOut) {
        return TrendSets.of(HistoryLayout.scan(h.root()).nights(), leftOut);
    }

    @Test
    void aSetWhoseLastNightIsFlaggedComesFirstWithItsWorstRowOnTop() {
        List<TrendSet> sets = sets(redLastNight(), new ArrayList<>());
        assertThat(sets).extracting(TrendSet::jdk).containsExactly("jdk25", "jdk17");
        TrendSet red = sets.get(0);
        assertThat(red.last().mark().flagged()).isTrue();
        assertThat(red.last().mark().note()).isEqualTo("regression against the pooled nights 2026-01-01");
        // the nightly's baseline: the five good nights before, newest first
        assertThat(red.baseline()).containsExactly(LocalDate.parse("2026-01-05"), LocalDate.parse("2026-01-04"),
                LocalDate.parse("2026-01-03"), LocalDate.parse("2026-01-02"), LocalDate.parse("2026-01-01"));
        Trend top = red.rows().get(0);
        assertThat(top.key().shortName()).isEqualTo("LoopLatencyBenchmark.run");
        assertThat(top.p99Worse()).isCloseTo(0.30, within(1e-6));
        assertThat(top.scoreWorse()).isCloseTo(0.0, within(1e-6));
        assertThat(top.p99()).hasSize(6);
        assertThat(red.rows().get(1).hasP99()).isFalse();
    }

    @Test
    void eachNightIsItsForkMeanWithTheTIntervalOverForks() {
        TrendPoint p = sets(redLastNight(), new ArrayList<>()).get(1).rows().stream()
                .filter(t -> !t.hasP99()).findFirst().orElseThrow().score().get(0);
        assertThat(p.forks()).isEqualTo(5);
        assertThat(p.mean()).isCloseTo(1000, within(1e-6));
        // fork means 990, 1010, 1000, 995, 1005: s = √62.5, t(4, 0.975) = 2.776445
        assertThat(p.halfWidth()).isCloseTo(2.776445 * Math.sqrt(62.5 / 5), within(1e-3));
        assertThat(p.mark()).isEqualTo(NightMark.NONE);
    }

    @Test
    void theFlaggedNightIsDrawnRedAndAnAcceptedOneAmber() {
        Nights h = redLastNight();
        h.night("ci16", "2026-01-07", "jdk25", 1000, 26);
        h.flag("ci16", "2026-01-07", "jdk25");
        h.accept("ci16", "2026-01-07", "jdk25");
        TrendSet set = sets(h, new ArrayList<>()).stream().filter(s -> s.jdk().equals("jdk25")).findFirst().orElseThrow();
        XYChart chart = TrendChart.of(set.rows().get(0).p99(), set.nights());
        XYSeries flagged = chart.getSeries("FLAGGED");
        assertThat(flagged.getXData()).containsExactly((double) LocalDate.parse("2026-01-06").toEpochDay());
        assertThat(flagged.getYData()).containsExactly(new double[] {26.0}, within(1e-6));
        assertThat(flagged.getMarker()).isEqualTo(SeriesMarkers.DIAMOND);
        assertThat(flagged.getMarkerColor()).isEqualTo(ChartStyle.SLOWER);
        XYSeries accepted = chart.getSeries("ACCEPTED");
        assertThat(accepted.getXData()).containsExactly((double) LocalDate.parse("2026-01-07").toEpochDay());
        assertThat(accepted.getMarker()).isEqualTo(SeriesMarkers.TRIANGLE_UP);
        assertThat(accepted.getMarkerColor()).isEqualTo(ChartStyle.UNSURE);
        // a line across the plot at each marked night, so a night without a point still shows its verdict
        assertThat(lineColor(chart, "mark 2026-01-06")).isEqualTo(ChartStyle.SLOWER);
        assertThat(lineColor(chart, "mark 2026-01-07")).isEqualTo(ChartStyle.UNSURE);
        assertThat(chart.getSeries("mark 2026-01-05")).isNull();
    }

    private static Color lineColor(XYChart chart, String series) {
        return chart.getSeries(series).getLineColor();
    }

    @Test
    void thePageMarksTheFlaggedNightAndHasEveryChart() throws Exception {
        Path html = Report.history(redLastNight().root(), tmp.resolve("out"), Integer.MAX_VALUE);
        String page = Files.readString(html);
        // per set: the scaling row's score; the latency row's score and p99
        assertThat(Fixtures.count(page, "<svg class=\"chart\"")).isEqualTo(6);
        assertThat(page).contains("data-charts=\"6\"");
        assertThat(page.indexOf("ci16 · jdk25")).isLessThan(page.indexOf("ci16 · jdk17"));
        assertThat(page).contains("<span class=\"flagged\">FLAGGED</span>: regression against the pooled nights 2026-01-01");
        assertThat(page).contains("+30.0% worse").contains("#1 LoopLatencyBenchmark EVENT_LOOP · p99 (ms)");
        assertThat(page).contains("default-src 'none'").doesNotContain(" src=\"");
        String md = Files.readString(tmp.resolve("out").resolve(Report.MARKDOWN));
        assertThat(md).contains("| ci16 · jdk25 | 6 | 2026-01-06 | FLAGGED |").contains("+30.0% worse");
    }

    @Test
    void anUnreadableFileIsLeftOutAndNamedNotFatal() throws Exception {
        Nights h = redLastNight();
        h.write("ci16", "2026-01-03", "jdk17", "2026-01-03T05-00-00Z.json", "[{\"benchmark\": ");
        h.write("ci16", "2026-01-07", "jdk17", "2026-01-07T01-00-00Z.json", "{\"not\": \"rows\"}");
        List<String> leftOut = new ArrayList<>();
        TrendSet jdk17 = sets(h, leftOut).stream().filter(s -> s.jdk().equals("jdk17")).findFirst().orElseThrow();
        assertThat(leftOut).containsExactly(
                "ci16/2026-01-03/jdk17/2026-01-03T05-00-00Z.json: unreadable (invalid JSON)",
                "ci16/2026-01-07/jdk17/2026-01-07T01-00-00Z.json: not JMH JSON (not an array of result rows)");
        // the night with a good file beside the bad one keeps its point; the night with none has no point
        assertThat(jdk17.rows().get(0).score()).extracting(TrendPoint::night).contains(LocalDate.parse("2026-01-03"))
                .doesNotContain(LocalDate.parse("2026-01-07"));
        assertThat(jdk17.nights()).hasSize(7);
        String page = Files.readString(Report.history(h.root(), tmp.resolve("out"), Integer.MAX_VALUE));
        assertThat(page).contains("<h3>Left out</h3>").contains("2026-01-03T05-00-00Z.json: unreadable (invalid JSON)");
    }

    @Test
    void aNightInAnotherUnitIsConvertedToTheLatestOne() {
        Nights h = new Nights(tmp.resolve("history"));
        h.write("ci16", "2026-01-01", "jdk17", "a.json", Nights.json("ops/ms", 2, 20));
        h.night("ci16", "2026-01-02", "jdk17", 2000, 20);
        Trend t = sets(h, new ArrayList<>()).get(0).rows().stream().filter(r -> !r.hasP99()).findFirst().orElseThrow();
        assertThat(t.unit()).isEqualTo("ops/s");
        assertThat(t.score()).hasSize(2).allSatisfy(p -> assertThat(p.mean()).isCloseTo(2000, within(1e-6)));
    }

    @Test
    void theBaselineSkipsFlaggedNightsAndStopsAtAnAcceptedOne() {
        List<HistoryLayout.NightDir> nights = new ArrayList<>();
        NightMark[] marks = {NightMark.NONE, new NightMark(NightMark.Kind.ACCEPTED, ""), NightMark.NONE,
            new NightMark(NightMark.Kind.FLAGGED, ""), NightMark.NONE, NightMark.NONE};
        for (int d = 0; d < marks.length; d++) {
            nights.add(new HistoryLayout.NightDir("r", LocalDate.parse("2026-01-01").plusDays(d), "jdk17", tmp, marks[d]));
        }
        assertThat(BaselineNights.of(nights, n -> true)).extracting(n -> n.night().getDayOfMonth()).containsExactly(5, 3, 2);
        assertThat(BaselineNights.of(nights, n -> n.night().getDayOfMonth() != 3)).extracting(n -> n.night().getDayOfMonth())
                .containsExactly(5, 2);
    }

    @Test
    void namesFromTheHistoryAreEscaped() throws Exception {
        Nights h = new Nights(tmp.resolve("history"));
        h.night("<b>ci", "2026-01-01", "jdk17<i>", 1000, 20);
        h.night("<b>ci", "2026-01-02", "jdk17<i>", 1000, 20);
        String page = Files.readString(Report.history(h.root(), tmp.resolve("out"), Integer.MAX_VALUE));
        assertThat(page).doesNotContain("<b>ci").doesNotContain("<i>").contains("&lt;b&gt;ci · jdk17&lt;i&gt;");
    }

    @Test
    void notAHistoryIsOneLineAndWritesNothing() throws Exception {
        Path results = tmp.resolve("jmh-results");
        Files.createDirectories(results.resolve("ci16/jdk17"));
        Files.writeString(results.resolve("ci16/jdk17/2026-01-01T00-00-00Z.json"), Nights.json("ops/s", 1, 1));
        Path out = tmp.resolve("out");
        assertThatThrownBy(() -> Report.history(results, out, 10)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("not a nightly history").hasMessageNotContaining("\n");
        assertThatThrownBy(() -> Report.history(tmp.resolve("missing"), out, 10)).hasMessageContaining("no such history directory");
        Nights h = new Nights(tmp.resolve("broken"));
        h.write("ci16", "2026-01-01", "jdk17", "a.json", "not json");
        assertThatThrownBy(() -> Report.history(h.root(), out, 10)).hasMessageContaining("no readable result file")
                .hasMessageNotContaining("\n");
        assertThat(out).doesNotExist();
    }

    @Test
    void misplacedDirectoriesAreListedNotFatal() throws Exception {
        Nights h = redLastNight();
        Files.createDirectories(h.root().resolve("ci16/yesterday/jdk17"));
        Files.createDirectories(h.root().resolve("ci16/2026-01-02/zgc"));
        List<String> leftOut = new ArrayList<>(HistoryLayout.scan(h.root()).leftOut());
        assertThat(leftOut).containsExactly("ci16/2026-01-02/zgc/: not a JDK directory (jdk<label>)",
                "ci16/yesterday/: not a night (YYYY-MM-DD)");
    }

    @Test
    void theCommittedFixtureHistoryRendersRedSetFirst() throws Exception {
        String page = Files.readString(Report.history(Fixtures.history(), tmp.resolve("out"), Integer.MAX_VALUE));
        // per set: three score-only rows and the latency row's score and p99
        assertThat(page).contains("data-charts=\"10\"");
        assertThat(Fixtures.count(page, "<svg class=\"chart\"")).isEqualTo(10);
        assertThat(page.indexOf("<h2 id=\"set-1\">ci16 · jdk17</h2>")).isPositive();
        assertThat(page).contains("<span class=\"accepted\">ACCEPTED</span>")
                .contains("ci16/2026-01-07/jdk25/2026-01-07T05-00-00Z.json: unreadable (invalid JSON)");
    }

    @Test
    void chartsGoToTheFirstRowsOfEachSetAndTheTableKeepsEveryRow() throws Exception {
        String page = Files.readString(Report.history(redLastNight().root(), tmp.resolve("out"), 1));
        // per set the first row only: the latency row's score and p99
        assertThat(page).contains("data-charts=\"4\"");
        assertThat(Fixtures.count(page, "Row #2 is only in the table below")).isEqualTo(2);
        assertThat(Fixtures.count(page, "<td>ScalingBenchmark FORK_JOIN</td>")).isEqualTo(2);
    }
}
