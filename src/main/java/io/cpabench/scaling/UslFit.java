package io.cpabench.scaling;

/**
 * Gunther's Universal Scalability Law, X(N) = λN / (1 + σ(N−1) + κN(N−1)), fitted to one series:
 * σ is the share of the work that queues for something serial (contention), κ the cost of keeping
 * every worker coherent with every other (crosstalk), which makes throughput peak and then fall.
 *
 * <p>Method: with λ = X(1) the relative capacity C(N) = X(N)/X(1) gives the linear form
 * N/C(N) − 1 = σ(N−1) + κN(N−1), fitted by least squares with σ in [0, 1] and κ ≥ 0. The problem is a
 * convex quadratic in two unknowns, so its constrained minimum is either the unconstrained one or
 * the best one on an edge of the box; all are closed forms and the smallest residual wins.
 */
public record UslFit(double sigma, double kappa, double lambda) {

    /**
     * @param workers    distinct worker counts, one of them 1, at least three in all
     * @param throughput the measured throughput at each
     */
    public static UslFit fit(int[] workers, double[] throughput) {
        double x1 = Double.NaN;
        for (int i = 0; i < workers.length; i++) {
            if (workers[i] == 1) {
                x1 = throughput[i];
            }
        }
        if (Double.isNaN(x1) || x1 <= 0 || workers.length < 3) {
            throw new IllegalArgumentException("the USL fit needs workers=1 and at least three worker counts");
        }
        double saa = 0, sab = 0, sbb = 0, say = 0, sby = 0;
        int n = workers.length;
        double[] a = new double[n];
        double[] b = new double[n];
        double[] y = new double[n];
        for (int i = 0; i < n; i++) {
            double w = workers[i];
            a[i] = w - 1;
            b[i] = w * (w - 1);
            y[i] = w * x1 / throughput[i] - 1;
            saa += a[i] * a[i];
            sab += a[i] * b[i];
            sbb += b[i] * b[i];
            say += a[i] * y[i];
            sby += b[i] * y[i];
        }
        double det = saa * sbb - sab * sab;
        double[][] candidates = {
            {(say * sbb - sby * sab) / det, (sby * saa - say * sab) / det},
            {clamp(say / saa, 0, 1), 0},
            {0, Math.max(0, sby / sbb)},
            {1, Math.max(0, (sby - sab) / sbb)},
        };
        double bestSse = Double.POSITIVE_INFINITY;
        double[] best = {0, 0};
        for (double[] c : candidates) {
            if (!(c[0] >= 0 && c[0] <= 1 && c[1] >= 0)) {
                continue; // also drops the NaNs of a singular system
            }
            double sse = 0;
            for (int i = 0; i < n; i++) {
                double r = y[i] - c[0] * a[i] - c[1] * b[i];
                sse += r * r;
            }
            if (sse < bestSse) {
                bestSse = sse;
                best = c;
            }
        }
        return new UslFit(best[0], best[1], x1);
    }

    /** Throughput the fitted law predicts at {@code n} workers. */
    public double predict(double n) {
        return lambda * n / (1 + sigma * (n - 1) + kappa * n * (n - 1));
    }

    /** Worker count where throughput peaks, N* = sqrt((1−σ)/κ); infinite when κ = 0 (it only levels off). */
    public double peak() {
        return kappa > 0 ? Math.sqrt((1 - sigma) / kappa) : Double.POSITIVE_INFINITY;
    }

    /** The speedup the curve tends to when κ = 0: Amdahl's 1/σ. */
    public double ceiling() {
        return sigma > 0 ? 1 / sigma : Double.POSITIVE_INFINITY;
    }

    private static double clamp(double v, double lo, double hi) {
        return Math.max(lo, Math.min(hi, v));
    }
}
