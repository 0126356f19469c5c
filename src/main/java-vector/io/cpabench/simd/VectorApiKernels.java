package io.cpabench.simd;

import jdk.incubator.vector.FloatVector;
import jdk.incubator.vector.VectorOperators;
import jdk.incubator.vector.VectorSpecies;

/**
 * The kernels in explicit lanes of the CPU's preferred width. Compiled by its own compiler execution
 * (see pom.xml) against the incubator module, and reached only through {@link VectorApi}. Uses only API
 * present since JDK 17, so the same class runs on 17 and later.
 */
final class VectorApiKernels implements FloatKernels {
    private static final VectorSpecies<Float> S = FloatVector.SPECIES_PREFERRED;

    @Override
    public void axpy(float a, float[] x, float[] y, int from, int to) {
        int i = from;
        for (int bound = from + S.loopBound(to - from); i < bound; i += S.length()) {
            // mul then add, not fma: the same two roundings as the plain loop, so the same array
            FloatVector.fromArray(S, x, i).mul(a).add(FloatVector.fromArray(S, y, i)).intoArray(y, i);
        }
        for (; i < to; i++) {
            y[i] = a * x[i] + y[i];
        }
    }

    @Override
    public float dot(float[] x, float[] y, int from, int to) {
        FloatVector acc = FloatVector.zero(S);
        int i = from;
        for (int bound = from + S.loopBound(to - from); i < bound; i += S.length()) {
            acc = FloatVector.fromArray(S, x, i).mul(FloatVector.fromArray(S, y, i)).add(acc);
        }
        float sum = acc.reduceLanes(VectorOperators.ADD);
        for (; i < to; i++) {
            sum += x[i] * y[i];
        }
        return sum;
    }
}
