package io.cpabench.simd;

/**
 * The two float kernels over a slice [from, to) of the arrays: element-wise {@code y = a·x + y} and
 * the dot product. Every implementation computes {@code a * x[i] + y[i]} as a multiply then an add
 * (Java never fuses them), so {@code axpy} gives bit-identical arrays whatever the lanes; only the
 * order of the dot product's additions may differ.
 */
public interface FloatKernels {
    void axpy(float a, float[] x, float[] y, int from, int to);

    float dot(float[] x, float[] y, int from, int to);
}
