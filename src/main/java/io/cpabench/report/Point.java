package io.cpabench.report;

/** A measured value with JMH's error half-width (NaN when JMH had none, e.g. one iteration). */
record Point(double value, double error) {
    boolean hasValue() {
        return Double.isFinite(value);
    }

    double errorOrZero() {
        return Double.isFinite(error) && error > 0 ? error : 0;
    }
}
