package io.cpabench.stats;

import java.util.Arrays;
import java.util.List;
import org.hipparchus.stat.StatUtils;
import org.hipparchus.stat.descriptive.rank.Median;

/**
 * The fork means of one result row. The fork (a fresh JVM) is the unit of replication: iterations
 * inside one JVM share its JIT decisions, heap layout and placement, so they are correlated and
 * treating them as independent makes intervals too narrow.
 */
public final class ForkSample {
    private final double[] means;

    private ForkSample(double[] means) {
        this.means = means;
    }

    public static ForkSample ofMeans(double... forkMeans) {
        return new ForkSample(forkMeans.clone());
    }

    /**
     * From JMH's {@code rawData} (one list of iteration scores per fork), each score multiplied by
     * {@code scale}. NaN iterations are dropped, and a fork left with none is dropped with them.
     */
    public static ForkSample ofRawData(List<List<Double>> rawData, double scale) {
        return new ForkSample(rawData.stream()
                .map(fork -> fork.stream().mapToDouble(Double::doubleValue).filter(x -> !Double.isNaN(x)).toArray())
                .filter(iterations -> iterations.length > 0)
                .mapToDouble(iterations -> StatUtils.mean(iterations) * scale)
                .toArray());
    }

    /** Several runs of the same row are more forks of it. */
    public ForkSample pool(ForkSample other) {
        double[] all = Arrays.copyOf(means, means.length + other.means.length);
        System.arraycopy(other.means, 0, all, means.length, other.means.length);
        return new ForkSample(all);
    }

    public ForkSample scaled(double factor) {
        return new ForkSample(Arrays.stream(means).map(m -> m * factor).toArray());
    }

    public int forks() {
        return means.length;
    }

    public double[] means() {
        return means.clone();
    }

    public double mean() {
        return means.length == 0 ? Double.NaN : StatUtils.mean(means);
    }

    public double median() {
        return means.length == 0 ? Double.NaN : new Median().evaluate(means);
    }

    /** Unbiased (n − 1) variance of the fork means. */
    public double variance() {
        return means.length < 2 ? Double.NaN : StatUtils.variance(means);
    }

    public boolean allPositive() {
        return means.length > 0 && Arrays.stream(means).allMatch(m -> m > 0);
    }

    /** Mean and unbiased variance of the log fork means: a change is a ratio, and on logs a difference. */
    double logMean() {
        return means.length == 0 ? Double.NaN : StatUtils.mean(logs());
    }

    double logVariance() {
        return means.length < 2 ? Double.NaN : StatUtils.variance(logs());
    }

    private double[] logs() {
        return Arrays.stream(means).map(Math::log).toArray();
    }
}
