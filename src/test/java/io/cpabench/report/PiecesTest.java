package io.cpabench.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import org.junit.jupiter.api.Test;

class PiecesTest {
    @Test
    void htmlEscapesEveryMarkupCharacter() {
        assertThat(Html.esc("<a href='x'>\"&\"</a>")).isEqualTo("&lt;a href=&#39;x&#39;&gt;&quot;&amp;&quot;&lt;/a&gt;");
    }

    @Test
    void emptyOrNaNCellsSayNoData() {
        String t = Html.table(List.of("a", ">b"), List.of(List.of("x", "n/a"), List.of("", "1")));
        assertThat(Fixtures.count(t, ">no data<")).isEqualTo(2);
    }

    @Test
    void markdownCellsCannotBreakTheTable() {
        assertThat(Md.esc("a|b<script>")).isEqualTo("a\\|b&lt;script&gt;");
    }

    @Test
    void percentilesSitOnTheHdrAxis() {
        assertThat(LatencyChart.x(90)).isCloseTo(1, within(1e-9));
        assertThat(LatencyChart.x(99.9)).isCloseTo(3, within(1e-9));
    }

    @Test
    void iterationTimeIsReadInJmhsWords() {
        assertThat(GilMetrics.iterationSeconds("1 s")).isEqualTo(1);
        assertThat(GilMetrics.iterationSeconds("500 ms")).isEqualTo(0.5);
        assertThat(GilMetrics.iterationSeconds("soon")).isNaN();
    }

    @Test
    void fallbackVerdictFollowsTheBand() {
        assertThat(JmhErrorDiff.verdict(1.10, 1.05, 1.15, true)).isEqualTo("faster");
        assertThat(JmhErrorDiff.verdict(1.10, 1.05, 1.15, false)).isEqualTo("slower");
        assertThat(JmhErrorDiff.verdict(1.00, 0.99, 1.01, true)).isEqualTo("~");
        assertThat(JmhErrorDiff.verdict(1.00, 0.90, 1.10, true)).isEqualTo("unsure");
        assertThat(JmhErrorDiff.verdict(1.00, Double.NaN, Double.NaN, true)).isEqualTo("unsure");
    }

    @Test
    void powerOfTwoTicksOnlyOnWholeExponents() {
        assertThat(ChartStyle.powerOfTwo(3)).isEqualTo("8");
        assertThat(ChartStyle.powerOfTwo(2.5)).isEmpty();
    }
}
