package io.cpabench.results;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class NumbersTest {
    @Test
    void significantDigits() {
        assertThat(Numbers.sig(245312, 3)).isEqualTo("245,000");
        assertThat(Numbers.sig(1.23456, 3)).isEqualTo("1.23");
        assertThat(Numbers.sig(0.0012345, 2)).isEqualTo("0.0012");
        assertThat(Numbers.sig(Double.NaN, 3)).isEqualTo("n/a");
    }

    @Test
    void scoreRoundedToTheErrorsPrecision() {
        assertThat(Numbers.withError(245312, 1234)).containsExactly("245,300", "1,200");
        assertThat(Numbers.withError(40.9241, 0.513)).containsExactly("40.92", "0.51");
        assertThat(Numbers.withError(3.7, Double.NaN)).containsExactly("3.70", "n/a");
    }

    @Test
    void ratios() {
        assertThat(Numbers.times(1)).isEqualTo("1.00×");
        assertThat(Numbers.times(0.869)).isEqualTo("0.87×");
        assertThat(Numbers.times(12.34)).isEqualTo("12.3×");
        assertThat(Numbers.times(118.4)).isEqualTo("118×");
        assertThat(Numbers.times(Double.NaN)).isEqualTo("—");
    }
}
