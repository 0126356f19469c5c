package io.cpabench.latency;

import org.HdrHistogram.Histogram;

/**
 * One iteration's latency summary in milliseconds, and the rate requests were served at (requests/s).
 *
 * @param count requests served
 */
public record LatencySnapshot(long count, double p50Ms, double p90Ms, double p99Ms, double p999Ms, double maxMs,
                              double achievedRate) {

    /** Percentiles of a histogram of nanosecond values. */
    public static LatencySnapshot of(Histogram h, double achievedRate) {
        return new LatencySnapshot(h.getTotalCount(), ms(h.getValueAtPercentile(50)), ms(h.getValueAtPercentile(90)),
                ms(h.getValueAtPercentile(99)), ms(h.getValueAtPercentile(99.9)), ms(h.getMaxValue()), achievedRate);
    }

    private static double ms(long nanos) {
        return nanos / 1e6;
    }
}
