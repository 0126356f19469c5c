package io.cpabench.stats;

/**
 * The ratio new/old with a confidence interval, from Welch's t on the logs of the fork means.
 *
 * <p>Why logs: a benchmark change is multiplicative (5% faster whatever the machine), the log makes
 * it a difference, and the interval for old/new is exactly the inverse of the one for new/old.
 * The point ratio is therefore the ratio of the geometric means of the fork means; at the few-percent
 * spread between forks that differs from the ratio of arithmetic means in the fourth digit.
 * Why Welch: the two sides may differ in spread (another JDK, another machine) and in fork count.
 */
public record RatioInterval(double ratio, double low, double high) {

    public static RatioInterval of(ForkSample oldSide, ForkSample newSide, double level) {
        int na = oldSide.forks();
        int nb = newSide.forks();
        double va = oldSide.logVariance() / na;
        double vb = newSide.logVariance() / nb;
        double diff = newSide.logMean() - oldSide.logMean();
        double se = Math.sqrt(va + vb);
        // All forks equal on both sides: a degenerate, zero-width interval rather than 0/0.
        double df = se == 0 ? na + nb - 2 : (va + vb) * (va + vb) / (va * va / (na - 1) + vb * vb / (nb - 1));
        double halfWidth = se == 0 ? 0 : MeanInterval.quantile(df, level) * se;
        return new RatioInterval(Math.exp(diff), Math.exp(diff - halfWidth), Math.exp(diff + halfWidth));
    }

    public boolean contains(double x) {
        return low <= x && x <= high;
    }
}
