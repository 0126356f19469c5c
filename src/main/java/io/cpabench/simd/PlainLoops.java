package io.cpabench.simd;

/**
 * The loops as anyone writes them. C2's SuperWord pass turns {@code axpy} into SIMD instructions
 * unless the JVM runs with {@code -XX:-UseSuperWord}; it never vectorises {@code dot}, because Java
 * fixes the order of float additions and a lane-wise sum would change the result.
 */
final class PlainLoops implements FloatKernels {
    @Override
    public void axpy(float a, float[] x, float[] y, int from, int to) {
        for (int i = from; i < to; i++) {
            y[i] = a * x[i] + y[i];
        }
    }

    @Override
    public float dot(float[] x, float[] y, int from, int to) {
        float sum = 0;
        for (int i = from; i < to; i++) {
            sum += x[i] * y[i];
        }
        return sum;
    }
}
