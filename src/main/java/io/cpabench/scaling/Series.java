package io.cpabench.scaling;

import io.cpabench.results.JmhRow;
import io.cpabench.results.ScalingRows;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * One model's throughput over worker counts, everything else fixed (benchmark, workload, tasks, sizes,
 * JMH threads), with SEQUENTIAL's throughput at the same settings as the baseline of every ratio.
 *
 * @param points     workers → operations per second
 * @param sequential SEQUENTIAL's operations per second with the same settings, NaN if it did not run
 */
public record Series(String benchmark, String workload, String model, Map<String, String> fixed,
                     TreeMap<Integer, Double> points, double sequential) {
    /**
     * The series in {@code rows}: the scaling rows ({@link ScalingRows}) of each group, one per model.
     * Time-per-task benchmarks are not scaling curves and are left out. SEQUENTIAL is a baseline, not a
     * series: it ignores {@code workers}, and its point at one worker (else at the fewest) is the
     * baseline of every series in its group.
     */
    public static List<Series> of(List<JmhRow> rows) {
        List<Series> out = new ArrayList<>();
        for (ScalingRows.Group g : ScalingRows.group(rows)) {
            ScalingRows.Settings s = g.settings();
            Map<String, List<JmhRow>> byModel = g.byModel();
            double sequential = ScalingRows.baseline(points(byModel.getOrDefault(ScalingRows.SEQUENTIAL, List.of())), null, v -> true)
                    .orElse(Double.NaN);
            byModel.forEach((model, modelRows) -> {
                if (!ScalingRows.isSequential(model)) {
                    out.add(new Series(s.benchmark(), s.workload(), model, s.fixed(), points(modelRows), sequential));
                }
            });
        }
        return out;
    }

    /** Workers → operations per second. */
    private static TreeMap<Integer, Double> points(List<JmhRow> rows) {
        TreeMap<Integer, Double> out = new TreeMap<>();
        rows.forEach(r -> out.put(ScalingRows.workers(r), r.score() * r.perSecondFactor()));
        return out;
    }

    /** Throughput over the same model at one worker; NaN without a one-worker point. */
    public double speedupVsOne(int workers) {
        Double one = points.get(1);
        return one == null ? Double.NaN : points.get(workers) / one;
    }

    public double speedupVsSequential(int workers) {
        return points.get(workers) / sequential;
    }

    /**
     * Speedup per worker: over one worker of the same model when measured, else over SEQUENTIAL
     * (a profile running only workers = cores has no one-worker point).
     */
    public double efficiency(int workers) {
        double s = points.containsKey(1) ? speedupVsOne(workers) : speedupVsSequential(workers);
        return s / workers;
    }

    /** The USL fit, or null when the points cannot support one (see {@link UslReading}). */
    public UslFit fit() {
        if (points.size() < 3 || !points.containsKey(1)) {
            return null;
        }
        int[] n = points.keySet().stream().mapToInt(Integer::intValue).toArray();
        double[] x = points.values().stream().mapToDouble(Double::doubleValue).toArray();
        return UslFit.fit(n, x);
    }
}
