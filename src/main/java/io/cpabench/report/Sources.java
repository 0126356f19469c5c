package io.cpabench.report;

/** The one place that picks the implementations behind the report's data interfaces. */
final class Sources {
    private Sources() {}

    static ScalingFits scalingFits() {
        return new UslScalingFits();
    }

    static DiffSource diff() {
        return new PreferForkStats();
    }
}
