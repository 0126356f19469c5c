package io.cpabench.stats;

import io.cpabench.results.JmhRow;
import io.cpabench.results.Units;
import java.util.EnumMap;
import java.util.Map;

/**
 * Every fork of one row found on one side of a comparison, in the unit of the first file that had it
 * (a later run with another {@code -tu} is converted, not mixed), with the forks of its latency
 * percentiles (ms) pooled the same way.
 */
public record PooledRow(RowKey key, String unit, boolean higherIsBetter, ForkSample sample,
                        Map<LatencyMetric, ForkSample> latency) {

    /** A row without latency percentiles. */
    public PooledRow(RowKey key, String unit, boolean higherIsBetter, ForkSample sample) {
        this(key, unit, higherIsBetter, sample, Map.of());
    }

    public static PooledRow of(JmhRow row) {
        return new PooledRow(RowKey.of(row), row.unit(), row.higherIsBetter(), ForkSample.ofRawData(row.rawData(), 1),
                LatencyMetric.samples(row));
    }

    public PooledRow pool(JmhRow row) {
        Map<LatencyMetric, ForkSample> pooled = new EnumMap<>(LatencyMetric.class);
        pooled.putAll(latency);
        LatencyMetric.samples(row).forEach((m, s) -> pooled.merge(m, s, ForkSample::pool));
        return new PooledRow(key, unit, higherIsBetter, sample.pool(ForkSample.ofRawData(row.rawData(), scaleFrom(row))),
                pooled);
    }

    /** This side's forks expressed in {@code other}'s unit. */
    public ForkSample sampleIn(PooledRow other) {
        return sample.scaled(baseFactor() / other.baseFactor());
    }

    private double scaleFrom(JmhRow row) {
        return factor(row.unit(), row.higherIsBetter()) / baseFactor();
    }

    private double baseFactor() {
        return factor(unit, higherIsBetter);
    }

    // ops/ms → ops/s or us/op → ns/op: the factor into the unit family's base.
    private static double factor(String unit, boolean throughput) {
        return throughput ? Units.perSecond(unit) : Units.nanos(unit);
    }
}
