package io.cpabench.stats;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** The verdict rule case by case, at the default ±2% band (a 4% half-width is the unsure limit). */
class VerdictRuleTest {
    private final VerdictRule rule = new VerdictRule(0.02);

    private ChangeVerdict ops(double ratio, double low, double high) {
        return rule.decide(new RatioInterval(ratio, low, high), true);
    }

    @Test
    void beyondTheBandIsAChangeHoweverWide() {
        assertThat(ops(1.5, 1.03, 2.2)).isEqualTo(ChangeVerdict.FASTER);
        assertThat(ops(0.6, 0.4, 0.97)).isEqualTo(ChangeVerdict.SLOWER);
    }

    @Test
    void insideTheBandIsNoChange() {
        assertThat(ops(1.005, 0.99, 1.019)).isEqualTo(ChangeVerdict.SAME);
    }

    @Test
    void significantWithTheEstimateBeyondTheBandIsAChange() {
        assertThat(ops(1.04, 1.01, 1.07)).isEqualTo(ChangeVerdict.FASTER);
        assertThat(ops(0.96, 0.93, 0.99)).isEqualTo(ChangeVerdict.SLOWER);
    }

    @Test
    void significantButSmallerThanTheBandIsNoChange() {
        assertThat(ops(1.015, 1.002, 1.028)).isEqualTo(ChangeVerdict.SAME);
    }

    @Test
    void notSignificantAndNarrowIsNoChange() {
        assertThat(ops(1.01, 0.985, 1.035)).isEqualTo(ChangeVerdict.SAME);
    }

    @Test
    void wideAndUndecidedIsUnsure() {
        assertThat(ops(1.03, 0.95, 1.12)).isEqualTo(ChangeVerdict.UNSURE);
        // significant but so wide that the band edge and 1 are both near: still too noisy to say
        assertThat(ops(1.06, 1.001, 1.12)).isEqualTo(ChangeVerdict.UNSURE);
    }

    @Test
    void timePerOperationReadsTheOtherWay() {
        assertThat(rule.decide(new RatioInterval(1.10, 1.05, 1.15), false)).isEqualTo(ChangeVerdict.SLOWER);
        assertThat(rule.decide(new RatioInterval(0.90, 0.85, 0.95), false)).isEqualTo(ChangeVerdict.FASTER);
        assertThat(rule.decide(new RatioInterval(1.04, 1.01, 1.07), false)).isEqualTo(ChangeVerdict.SLOWER);
    }

    @Test
    void zeroWidthIntervalsAreDecidedByTheirPoint() {
        assertThat(ops(1.0, 1.0, 1.0)).isEqualTo(ChangeVerdict.SAME);
        assertThat(ops(1.03, 1.03, 1.03)).isEqualTo(ChangeVerdict.FASTER);
    }
}
