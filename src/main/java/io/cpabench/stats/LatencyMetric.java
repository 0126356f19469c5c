package io.cpabench.stats;

import io.cpabench.results.JmhRow;
import java.util.EnumMap;
import java.util.Map;

/**
 * The latency percentiles {@code compare} judges beside a row's score: the secondary metrics in ms that
 * {@link io.cpabench.latency.LatencyProfiler} writes for open-loop benchmarks, one value per iteration.
 * p90 and max are left out: p90 sits between the median and the tail and adds no verdict of its own,
 * and a maximum is one request, not a statistic a fork mean can stabilise.
 */
public enum LatencyMetric {
    P50("latency.p50", "p50"),
    P99("latency.p99", "p99"),
    P999("latency.p99.9", "p99.9");

    /** The unit the profiler writes; a metric of that name in any other unit is not its and is left out. */
    public static final String UNIT = "ms";

    private final String key;
    private final String label;

    LatencyMetric(String key, String label) {
        this.key = key;
        this.label = label;
    }

    /** The secondary metric's name in JMH's JSON, and the {@code metric} field of compare's JSON. */
    public String key() {
        return key;
    }

    /** The short name a sub-row shows: "p99". */
    public String label() {
        return label;
    }

    /** The per-fork samples of every judged percentile {@code row} carries, in this enum's order. */
    static Map<LatencyMetric, ForkSample> samples(JmhRow row) {
        Map<LatencyMetric, ForkSample> out = new EnumMap<>(LatencyMetric.class);
        for (LatencyMetric m : values()) {
            JmhRow.Secondary s = row.secondaries().get(m.key);
            if (s != null && UNIT.equals(s.unit())) {
                ForkSample sample = ForkSample.ofRawData(s.rawData(), 1);
                if (sample.forks() > 0) {
                    out.put(m, sample);
                }
            }
        }
        return out;
    }
}
