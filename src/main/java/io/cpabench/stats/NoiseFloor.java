package io.cpabench.stats;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeSet;

/**
 * What one machine can see, from two A/A runs (same jar, same JDK): per row, how far its fork means
 * spread on each side, the smallest change a comparison at those runs' sample size detects
 * ({@link DetectableEffect}), and the forks a side that would bring that down to ±2% and ±5%. A row whose detectable effect is over the nightly's band cannot be
 * trusted to show a regression of that size on this machine, whatever its verdict says.
 *
 * @param sets        one per JDK label compared ({@code ""} when the inputs were plain files or directories)
 * @param notMeasured the JDK labels one run only has, e.g. "jdk25 only in old (results/box/jdk25)"
 */
public record NoiseFloor(double alpha, double power, List<Calibration> sets, List<String> notMeasured) {
    public static final double ALPHA = 0.05;
    public static final double POWER = 0.8;
    /** The bands the forks are counted for: compare's default and the nightly's. */
    public static final double[] BANDS = {0.02, 0.05};

    public record Calibration(String label, Path oldPath, Path newPath, List<Row> rows) {
        /** The row's detectable effect; NaN when this calibration did not measure it. */
        public double detectable(RowKey key) {
            return rows.stream().filter(r -> r.key().equals(key)).mapToDouble(Row::detectable).findFirst().orElse(Double.NaN);
        }
    }

    /**
     * @param detectable NaN when {@code reason} says why there is none
     * @param forksForBand per {@link #BANDS}, the forks a side for a detectable effect within it;
     *                     {@link ForksNeeded#CAP} + 1 for "more than"; empty without a detectable effect
     * @param reason null for a measured row, else why not ("only in old", "old has 1 fork (need ≥ 2)")
     */
    public record Row(RowKey key, String unit, int oldForks, int newForks, double oldSpread, double newSpread,
                      double detectable, int[] forksForBand, String reason) {}

    public static Calibration measure(String label, Path oldPath, Path newPath, Map<RowKey, PooledRow> oldRows,
                              Map<RowKey, PooledRow> newRows, double alpha, double power) {
        java.util.Set<RowKey> keys = new TreeSet<>(oldRows.keySet());
        keys.addAll(newRows.keySet());
        List<Row> rows = new ArrayList<>();
        for (RowKey k : keys) {
            PooledRow a = oldRows.get(k);
            PooledRow b = newRows.get(k);
            rows.add(a == null || b == null ? oneSided(a == null ? b : a, a == null ? "only in new" : "only in old")
                    : row(a, b, alpha, power));
        }
        return new Calibration(label, oldPath, newPath, rows);
    }

    /** The set a report diff of JDK label {@code jdkLabel} reads: the only one, or the one of that label. */
    public Optional<Calibration> forLabel(String jdkLabel) {
        if (sets.size() == 1) {
            return Optional.of(sets.get(0));
        }
        return sets.stream().filter(s -> s.label().equals(jdkLabel) || s.label().endsWith("/" + jdkLabel)).findFirst();
    }

    private static Row row(PooledRow oldRow, PooledRow newRow, double alpha, double power) {
        ForkSample a = oldRow.sample();
        ForkSample b = newRow.sampleIn(oldRow);
        String problem = Comparability.problem("old", a);
        problem = problem != null ? problem : Comparability.problem("new", b);
        if (problem != null) {
            return new Row(oldRow.key(), oldRow.unit(), a.forks(), b.forks(), Double.NaN, Double.NaN, Double.NaN, new int[0], problem);
        }
        double sa = ForksNeeded.spread(a);
        double sb = ForksNeeded.spread(b);
        int[] forks = new int[BANDS.length];
        for (int i = 0; i < BANDS.length; i++) {
            forks[i] = DetectableEffect.forksFor(BANDS[i], sa, sb, alpha, power);
        }
        return new Row(oldRow.key(), oldRow.unit(), a.forks(), b.forks(), sa, sb,
                DetectableEffect.of(sa, a.forks(), sb, b.forks(), alpha, power), forks, null);
    }

    private static Row oneSided(PooledRow r, String reason) {
        boolean old = reason.endsWith("old");
        return new Row(r.key(), r.unit(), old ? r.sample().forks() : 0, old ? 0 : r.sample().forks(),
                Double.NaN, Double.NaN, Double.NaN, new int[0], reason);
    }
}
