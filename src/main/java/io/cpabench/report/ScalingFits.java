package io.cpabench.report;

import io.cpabench.workload.Workload;
import io.cpabench.scaling.Series;
import io.cpabench.scaling.UslFit;
import io.cpabench.scaling.UslReading;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * σ (contention), κ (coherency) and the peak from io.cpabench.scaling's Universal Scalability Law fit,
 * with its reading in words, for the scaling readings under each chart.
 */
final class ScalingFits {
    /** Why a curve has no fit, for the cells the fit would fill. */
    static final String UNAVAILABLE = "no USL fit for these points";

    /** σ, κ, the worker count where throughput peaks (NaN when too few points), and the reading in words. */
    record Fit(double sigma, double kappa, double peak, String reading) {}

    private ScalingFits() {}

    /**
     * @param tasksPerSecond workers → measured tasks/s, points without a value left out
     * @param sequential     SEQUENTIAL's tasks/s at the same settings, NaN if it did not run
     */
    static Optional<Fit> fit(ScalingGroup group, String model, Map<Integer, Double> tasksPerSecond, double sequential) {
        if (tasksPerSecond.isEmpty()) {
            return Optional.empty();
        }
        Series s = new Series(group.benchmark(), group.workload(), model, group.fixed(), new TreeMap<>(tasksPerSecond), sequential);
        try {
            String reading = UslReading.of(s, Workload.isIo(group.workload()));
            UslFit f = s.fit();
            // Too few worker counts: no numbers, but the reading says why.
            return Optional.of(f == null ? new Fit(Double.NaN, Double.NaN, Double.NaN, reading)
                    : new Fit(f.sigma(), f.kappa(), f.peak(), reading));
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }
}
