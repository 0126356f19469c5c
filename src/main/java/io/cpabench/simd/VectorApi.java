package io.cpabench.simd;

/**
 * Reaches the Vector API kernels without linking to them: they are compiled apart (the incubator
 * module is invisible under {@code --release 17}) and need {@code --add-modules jdk.incubator.vector}
 * at run time, which a JVM may lack.
 */
final class VectorApi {
    static final String KERNELS = "io.cpabench.simd.VectorApiKernels";
    static final String MODULE = "jdk.incubator.vector";

    private VectorApi() {}

    static String unavailable() {
        return unavailable(KERNELS);
    }

    static String unavailable(String kernels) {
        if (ModuleLayer.boot().findModule(MODULE).isEmpty()) {
            return "VECTOR_API needs the " + MODULE + " module (start the forks with --add-modules " + MODULE + ")";
        }
        try {
            Class.forName(kernels);
            return null;
        } catch (ClassNotFoundException | LinkageError e) {
            return "VECTOR_API cannot load its kernels on this JVM: " + e;
        }
    }

    static FloatKernels open() {
        try {
            return (FloatKernels) Class.forName(KERNELS).getDeclaredConstructor().newInstance();
        } catch (ReflectiveOperationException | LinkageError e) {
            throw new IllegalStateException("VECTOR_API unavailable: " + e, e);
        }
    }
}
