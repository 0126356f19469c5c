package io.cpabench.stats;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.TreeMap;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/** The forks an unsure row would need are the forks that take it out of unsure, no more. */
class ForksNeededTest {
    private static final VerdictRule RULE = new VerdictRule(0.02);
    private static final double LEVEL = Comparison.LEVEL;

    /** n fork means whose logs have mean 0 and sample standard deviation exactly {@code spread}. */
    static ForkSample side(int n, double spread) {
        double[] z = IntStream.range(0, n).mapToDouble(i -> i - (n - 1) / 2.0).toArray();
        double sd = Math.sqrt(IntStream.range(0, n).mapToDouble(i -> z[i] * z[i]).sum() / (n - 1));
        return ForkSample.ofMeans(IntStream.range(0, n).mapToDouble(i -> 100 * Math.exp(spread * z[i] / sd)).toArray());
    }

    private static RowComparison aa(int forks, double spread) {
        RowKey key = new RowKey("b.B.run", "thrpt", 1, new TreeMap<>());
        return RowComparison.of(new PooledRow(key, "ops/s", true, side(forks, spread)),
                new PooledRow(key, "ops/s", true, side(forks, spread)), RULE, LEVEL);
    }

    @Test
    void aRowThatIsNotUnsureNeedsNothing() {
        assertThat(aa(5, 0.005).verdict()).isEqualTo(ChangeVerdict.SAME);
        assertThat(ForksNeeded.of(aa(5, 0.005), 0.02, LEVEL)).isEmpty();
    }

    @Test
    void theAnswerIsTheFirstForkCountThatDecides() {
        RowComparison unsure = aa(5, 0.06);
        assertThat(unsure.verdict()).isEqualTo(ChangeVerdict.UNSURE);
        int n = ForksNeeded.of(unsure, 0.02, LEVEL).orElseThrow();
        assertThat(n).isBetween(15, 25); // about 2 (2 × 6% / 4%)², t inflating it slightly
        assertThat(aa(n, 0.06).verdict()).isEqualTo(ChangeVerdict.SAME);
        assertThat(aa(n - 1, 0.06).verdict()).isEqualTo(ChangeVerdict.UNSURE);
    }

    @Test
    void aSwingingRowIsBeyondAnyNightly() {
        assertThat(ForksNeeded.of(aa(5, 0.5), 0.02, LEVEL)).hasValue(ForksNeeded.CAP + 1);
        assertThat(ForksNeeded.text(ForksNeeded.CAP + 1)).isEqualTo("more than " + ForksNeeded.CAP);
    }

    @Test
    void spreadIsTheStandardDeviationOfTheLogs() {
        assertThat(ForksNeeded.spread(side(5, 0.06))).isCloseTo(0.06, org.assertj.core.data.Offset.offset(1e-12));
    }
}
