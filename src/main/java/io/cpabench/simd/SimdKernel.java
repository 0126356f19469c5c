package io.cpabench.simd;

import io.cpabench.machine.ForkProbe;

/**
 * How a kernel uses the SIMD lanes of one core. Ask a constant for its loops and for what its forks
 * need; {@link #unavailable()} says why this JVM cannot run it, or null.
 */
public enum SimdKernel {
    /** The plain loops with C2's auto-vectorisation switched off: one element per instruction. */
    SCALAR("-XX:-UseSuperWord") {
        @Override
        String unavailable(String superWord) {
            // Without the flag these forks would measure AUTO_VECTOR under another name.
            if (superWord == null) {
                return "SCALAR needs a JVM whose auto-vectorisation -XX:-UseSuperWord switches off; this one has no UseSuperWord flag";
            }
            return Boolean.parseBoolean(superWord) ? "SCALAR needs forks started with -XX:-UseSuperWord (add -jvmArgsAppend "
                    + "-XX:-UseSuperWord, or run the profile's simd-scalar group)" : null;
        }
    },
    /** The same plain loops, vectorised by C2 as it sees fit. */
    AUTO_VECTOR() {
        @Override
        String unavailable(String superWord) {
            // A JVM without the flag (not HotSpot) vectorises as its JIT sees fit, which is this kernel.
            return "false".equals(superWord)
                    ? "AUTO_VECTOR needs C2's auto-vectorisation, but this JVM runs with -XX:-UseSuperWord" : null;
        }
    },
    /** Explicit lanes through jdk.incubator.vector at the CPU's preferred width. */
    VECTOR_API() {
        @Override
        String unavailable(String superWord) {
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
    public String unavailable() {
        return unavailable(superWord());
    }

    /** The same, given UseSuperWord's value ("true", "false", or null on a JVM without that flag). */
    abstract String unavailable(String superWord);

    /** The loops, once {@link #unavailable()} said null. */
    public FloatKernels open() {
        return new PlainLoops();
    }

    /** HotSpot's UseSuperWord as this JVM runs, or null on a JVM without that flag (as the environment file reads it). */
    static String superWord() {
        return ForkProbe.vmOption("UseSuperWord");
    }
}
