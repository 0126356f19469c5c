package io.cpabench.report;

import io.cpabench.workload.Workload;
import io.cpabench.scaling.Series;
import io.cpabench.scaling.UslFit;
import io.cpabench.scaling.UslReading;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/** σ, κ and the peak from io.cpabench.scaling's Universal Scalability Law fit, with its reading in words. */
final class UslScalingFits implements ScalingFits {
    @Override
    public Optional<Fit> fit(ScalingGroup group, String model, Map<Integer, Double> tasksPerSecond, double sequential) {
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

    @Override
    public String unavailable() {
        return "no USL fit for these points";
    }
}
