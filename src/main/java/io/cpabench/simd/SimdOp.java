package io.cpabench.simd;

/** Which kernel an operation runs over the arrays. */
public enum SimdOp {
    /** {@code y = a·x + y}: independent elements, the case every vectoriser handles. */
    AXPY,
    /** {@code Σ x·y}: a reduction, which C2 leaves scalar because Java fixes the order of float sums. */
    DOT
}
