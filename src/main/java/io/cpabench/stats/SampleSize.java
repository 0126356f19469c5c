package io.cpabench.stats;

/** Forks and measurement iterations per result row. */
public record SampleSize(int forks, int iterations) {
    /**
     * What the nightly profile must run per row, at least: {@code compare}'s validation tests prove the
     * verdicts' error rates at exactly this size. Fewer forks widen every interval and the power
     * figures no longer hold.
     */
    public static final SampleSize NIGHTLY = new SampleSize(5, 5);
}
