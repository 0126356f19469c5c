package io.cpabench.report;

import java.util.Map;
import java.util.Optional;

/**
 * Where the scaling readings get σ, κ and the peak: the report draws and tabulates curves whether or
 * not a fit is available, and shows "no data" in the fit's columns when it is not.
 */
interface ScalingFits {
    /** σ (contention), κ (coherency), the worker count where throughput peaks, and the reading in words. */
    record Fit(double sigma, double kappa, double peak, String reading) {}

    /**
     * @param tasksPerSecond workers → measured tasks/s, points without a value left out
     * @param sequential     SEQUENTIAL's tasks/s at the same settings, NaN if it did not run
     */
    Optional<Fit> fit(ScalingGroup group, String model, Map<Integer, Double> tasksPerSecond, double sequential);

    /** Why there is no fit when {@link #fit} is empty, for the "no data" cell. */
    String unavailable();
}
