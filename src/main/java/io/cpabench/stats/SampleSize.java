package io.cpabench.stats;

/** Forks and measurement iterations per result row. */
public record SampleSize(int forks, int iterations) {
    /**
     * What the nightly profile must run per row, at least: {@code compare}'s validation tests prove the
     * verdicts' error rates at exactly this size: a 5% change is called in ≥ 80% of rows whose fork
     * means spread by up to about 2% (sd/mean). Fewer forks widen every interval and that no longer holds.
     */
    public static final SampleSize NIGHTLY = new SampleSize(5, 5);
}
