package io.cpabench.report;

/** The one place that picks the implementations behind the report's data interfaces. */
final class Sources {
    private Sources() {}

    static ScalingFits scalingFits() {
        return new NoScalingFits();
    }

    static DiffSource diff() {
        return new JmhErrorDiff();
    }
}
