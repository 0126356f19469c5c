package io.cpabench.scaling;

import io.cpabench.results.JmhRow;
import java.util.ArrayList;
import java.util.LinkedHashMap;
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
    static final String SEQUENTIAL = "SEQUENTIAL";

    /**
     * The series in {@code rows}: throughput rows with a {@code model} and an integer {@code workers}
     * parameter (ScalingBenchmark's). Time-per-task benchmarks are not scaling curves and are left out.
     * SEQUENTIAL is a baseline, not a series: it ignores {@code workers}.
     */
    public static List<Series> of(List<JmhRow> rows) {
        Map<List<Object>, Builder> series = new LinkedHashMap<>();
        Map<List<Object>, Double> sequential = new LinkedHashMap<>();
        for (JmhRow r : rows) {
            Integer workers = integer(r.param("workers"));
            if (!r.unit().startsWith("ops/") || workers == null || r.param("model").isEmpty()) {
                continue;
            }
            Map<String, String> fixed = new LinkedHashMap<>(r.params());
            fixed.keySet().removeAll(List.of("model", "workers", "workload"));
            List<Object> settings = List.of(r.benchmark(), r.param("workload"), fixed, r.threads());
            double perSecond = r.score() * r.perSecondFactor();
            if (SEQUENTIAL.equals(r.param("model"))) {
                // with several SEQUENTIAL rows (one per workers value) they measure the same thing: keep the first
                sequential.putIfAbsent(settings, perSecond);
                continue;
            }
            List<Object> key = new ArrayList<>(settings);
            key.add(r.param("model"));
            series.computeIfAbsent(key, k -> new Builder(r, fixed, settings)).points.put(workers, perSecond);
        }
        List<Series> out = new ArrayList<>();
        series.values().forEach(b -> out.add(new Series(b.row.benchmark(), b.row.param("workload"), b.row.param("model"),
                b.fixed, b.points, sequential.getOrDefault(b.settings, Double.NaN))));
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

    private static Integer integer(String s) {
        try {
            int v = Integer.parseInt(s.trim());
            return v > 0 ? v : null;
        } catch (NumberFormatException e) {
            return null;
        }
    }

    private static final class Builder {
        final JmhRow row;
        final Map<String, String> fixed;
        final List<Object> settings;
        final TreeMap<Integer, Double> points = new TreeMap<>();

        Builder(JmhRow row, Map<String, String> fixed, List<Object> settings) {
            this.row = row;
            this.fixed = fixed;
            this.settings = settings;
        }
    }
}
