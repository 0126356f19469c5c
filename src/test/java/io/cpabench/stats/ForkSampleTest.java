package io.cpabench.stats;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import org.junit.jupiter.api.Test;

class ForkSampleTest {
    @Test
    void forkMeansFromRawData() {
        ForkSample s = ForkSample.ofRawData(List.of(List.of(1.0, 3.0), List.of(10.0, 10.0, 10.0), List.of(4.0)), 2);
        assertThat(s.means()).containsExactly(4.0, 20.0, 8.0);
        assertThat(s.mean()).isCloseTo(32.0 / 3, within(1e-12));
        assertThat(s.median()).isEqualTo(8.0);
    }

    @Test
    void nanIterationsAndEmptyForksAreDropped() {
        ForkSample s = ForkSample.ofRawData(List.of(List.of(Double.NaN), List.of(2.0, Double.NaN), List.of()), 1);
        assertThat(s.means()).containsExactly(2.0);
    }

    @Test
    void poolingAddsForks() {
        assertThat(ForkSample.ofMeans(1, 2).pool(ForkSample.ofMeans(3)).means()).containsExactly(1.0, 2.0, 3.0);
    }

    @Test
    void tooFewForksOrNonPositiveScoresAreNotComparable() {
        assertThat(Comparability.problem("old", ForkSample.ofMeans(5))).isEqualTo("old has 1 fork (need ≥ 2)");
        assertThat(Comparability.problem("new", ForkSample.ofMeans(5, 0))).contains("≤ 0");
        assertThat(Comparability.problem("new", ForkSample.ofMeans(5, 6))).isNull();
    }

    @Test
    void rankTestNeedsFourForksASide() {
        assertThat(RankSumPValue.pValue(ForkSample.ofMeans(1, 2, 3), ForkSample.ofMeans(4, 5, 6))).isNaN();
        // 4 vs 4, completely separated: exact two-sided p = 2 / C(8,4) = 2/70
        assertThat(RankSumPValue.pValue(ForkSample.ofMeans(1, 2, 3, 4), ForkSample.ofMeans(5, 6, 7, 8))).isCloseTo(2.0 / 70, within(1e-9));
    }
}
