package io.cpabench.report;

import java.util.Map;
import java.util.Optional;

/** The stand-in until a Universal Scalability Law fit is on the class path: readings without σ and κ. */
final class NoScalingFits implements ScalingFits {
    @Override
    public Optional<Fit> fit(ScalingGroup group, String model, Map<Integer, Double> tasksPerSecond, double sequential) {
        return Optional.empty();
    }

    @Override
    public String unavailable() {
        return "no USL fit in this build";
    }
}
