package io.cpabench.scaling;

import java.util.Locale;

/** Says in one line why a curve flattens, from its USL fit (or why there is no fit). */
public final class UslReading {
    /** σ at or above this means nothing runs in parallel. */
    static final double SERIAL = 0.9;
    /** σ below this is lost in run-to-run noise: the curve is linear as far as we can tell. */
    static final double NO_CONTENTION = 0.05;
    /** A peak beyond this many times the largest measured worker count does not shape the curve measured. */
    static final double PEAK_HORIZON = 2;

    private UslReading() {}

    /** @param io whether the workload waits rather than computes ("flat" reads better than "serialised" there) */
    public static String of(Series s, boolean io) {
        int counts = s.points().size();
        if (counts == 1) {
            return "one worker count: no fit";
        }
        if (counts == 2) {
            return "two worker counts: no fit (the USL needs 3 or more)";
        }
        if (!s.points().containsKey(1)) {
            return "no workers=1 point: no fit (the USL's base)";
        }
        return of(s.fit(), s.points().lastKey(), io);
    }

    static String of(UslFit f, int maxWorkers, boolean io) {
        String params = String.format(Locale.ROOT, "σ=%.2f κ=%.4f: ", f.sigma(), f.kappa());
        double peak = f.peak();
        if (f.sigma() >= SERIAL) {
            String costs = f.kappa() >= 1e-3 ? String.format(Locale.ROOT, ", and each one costs (κ=%.3f)", f.kappa()) : "";
            return params + (io ? "flat: σ ≈ 1, more workers do not help" : "serialised: σ ≈ 1, more workers cannot help") + costs;
        }
        if (f.kappa() > 0 && peak <= PEAK_HORIZON * maxWorkers) {
            String beyond = peak < maxWorkers ? " (throughput falls beyond it: retrograde)" : "";
            return params + String.format(Locale.ROOT, "coherency-bound past N ≈ %.0f%s", Math.max(1, peak), beyond);
        }
        if (f.sigma() >= NO_CONTENTION) {
            return params + String.format(Locale.ROOT, "contention-bound (σ=%.2f): speedup tends to %.1f×", f.sigma(), f.ceiling());
        }
        return params + "linear so far (σ≈0, κ≈0)";
    }
}
