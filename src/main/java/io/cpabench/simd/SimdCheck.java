package io.cpabench.simd;

/** What "the same result" means for each kernel, so a wrong kernel fails instead of looking fast. */
final class SimdCheck {
    private SimdCheck() {}

    /** Element-wise kernels do the same two roundings per element in any lane order: equal bits. */
    static void sameBits(float[] actual, float[] expected) {
        for (int i = 0; i < expected.length; i++) {
            if (Float.floatToIntBits(actual[i]) != Float.floatToIntBits(expected[i])) {
                throw new IllegalStateException("axpy differs at element " + i + ": " + actual[i] + " vs " + expected[i]);
            }
        }
    }

    /**
     * A float sum of n terms in any order is within n·u·Σ|terms| of the exact sum (u = 2⁻²⁴, the unit
     * roundoff; Higham, Accuracy and Stability of Numerical Algorithms, §4.2), plus the rounding of
     * each product; the exact sum is taken in double, whose error is negligible beside that bound.
     *
     * @param slices the summed ranges as {from, to} pairs
     */
    static void withinReorderBound(float actual, float[] x, float[] y, int[] slices) {
        double exact = 0;
        double magnitude = 0;
        long n = 0;
        for (int s = 0; s < slices.length; s += 2) {
            for (int i = slices[s]; i < slices[s + 1]; i++) {
                double t = (double) x[i] * y[i];
                exact += t;
                magnitude += Math.abs(t);
            }
            n += slices[s + 1] - slices[s];
        }
        double bound = (n + 1) * 0x1p-24 * magnitude;
        if (!(Math.abs(actual - exact) <= bound)) {
            throw new IllegalStateException("dot " + actual + " is " + Math.abs(actual - exact)
                    + " from the exact " + exact + ", beyond the reordering bound " + bound);
        }
    }
}
