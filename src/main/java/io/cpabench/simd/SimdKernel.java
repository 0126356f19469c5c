package io.cpabench.simd;

import java.lang.management.ManagementFactory;

/**
 * How a kernel uses the SIMD lanes of one core. Ask a constant for its loops and for what its forks
 * need; {@link #unavailable()} says why this JVM cannot run it, or null.
 */
public enum SimdKernel {
    /** The plain loops with C2's auto-vectorisation switched off: one element per instruction. */
    SCALAR("-XX:-UseSuperWord") {
        @Override
        public String unavailable() {
            // Without the flag these forks would measure AUTO_VECTOR under another name.
            return superWord() ? "SCALAR needs forks started with -XX:-UseSuperWord (add -jvmArgsAppend "
                    + "-XX:-UseSuperWord, or run the profile's simd-scalar group)" : null;
        }
    },
    /** The same plain loops, vectorised by C2 as it sees fit. */
    AUTO_VECTOR() {
        @Override
        public String unavailable() {
            return superWord() ? null : "AUTO_VECTOR needs C2's auto-vectorisation, but this JVM runs with -XX:-UseSuperWord";
        }
    },
    /** Explicit lanes through jdk.incubator.vector at the CPU's preferred width. */
    VECTOR_API() {
        @Override
        public String unavailable() {
            return VectorApi.unavailable();
        }

        @Override
        public FloatKernels open() {
            return VectorApi.open();
        }
    };

    private final String[] forkArgs;

    SimdKernel(String... forkArgs) {
        this.forkArgs = forkArgs;
    }

    /** JVM options this kernel's forks must be started with. */
    public String[] forkArgs() {
        return forkArgs.clone();
    }

    /** Why this JVM cannot run the kernel as named, or null when it can. */
    public abstract String unavailable();

    /** The loops, once {@link #unavailable()} said null. */
    public FloatKernels open() {
        return new PlainLoops();
    }

    static boolean superWord() {
        return Boolean.parseBoolean(ManagementFactory.getPlatformMXBean(com.sun.management.HotSpotDiagnosticMXBean.class)
                .getVMOption("UseSuperWord").getValue());
    }
}
