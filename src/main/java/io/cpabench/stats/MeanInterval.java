package io.cpabench.stats;

import org.hipparchus.distribution.continuous.TDistribution;

/**
 * A Student-t confidence interval for the mean of one row, over its fork means: exact when fork
 * means are normal, which the two-level model (fork effect + averaged iteration noise) makes them.
 */
public record MeanInterval(double mean, double low, double high) {

    public static MeanInterval of(ForkSample sample, double level) {
        int n = sample.forks();
        if (n < Comparability.MIN_FORKS) {
            throw new IllegalArgumentException("a t interval needs at least " + Comparability.MIN_FORKS + " forks, got " + n);
        }
        double halfWidth = quantile(n - 1, level) * Math.sqrt(sample.variance() / n);
        return new MeanInterval(sample.mean(), sample.mean() - halfWidth, sample.mean() + halfWidth);
    }

    public double halfWidth() {
        return (high - low) / 2;
    }

    public boolean contains(double x) {
        return low <= x && x <= high;
    }

    /** Two-sided: the (1 + level) / 2 quantile of t with {@code df} degrees of freedom. */
    static double quantile(double df, double level) {
        return new TDistribution(df).inverseCumulativeProbability((1 + level) / 2);
    }
}
