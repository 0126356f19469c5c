package io.cpabench.machine;

import java.lang.management.GarbageCollectorMXBean;
import java.lang.management.ManagementFactory;
import java.util.List;
import java.util.stream.Collectors;

/**
 * Started by {@link ForkJvm} with a fork's java and flags, so the environment file records what the
 * forks really ran with: the GC is chosen by ergonomics (G1 on 2+ cores and 1792+ MB, Serial
 * otherwise) or by a flag, and only the JVM itself can say which one won. Prints key=value lines.
 */
public final class ForkProbe {
    private ForkProbe() {}

    public static void main(String[] args) {
        List<String> beans = ManagementFactory.getGarbageCollectorMXBeans().stream()
                .map(GarbageCollectorMXBean::getName).collect(Collectors.toList());
        print("vendor", System.getProperty("java.vendor"));
        print("version", System.getProperty("java.version"));
        print("runtimeVersion", System.getProperty("java.runtime.version"));
        print("vmName", System.getProperty("java.vm.name"));
        print("vmVersion", System.getProperty("java.vm.version"));
        print("javaHome", System.getProperty("java.home"));
        print("gc", gcName(beans));
        print("gcBeans", String.join("|", beans));
        print("inputArguments", String.join("\u001f", ManagementFactory.getRuntimeMXBean().getInputArguments()));
        print("availableProcessors", String.valueOf(Runtime.getRuntime().availableProcessors()));
        print("maxHeapBytes", String.valueOf(Runtime.getRuntime().maxMemory()));
        print("useSuperWord", vmOption("UseSuperWord"));
        print("useAVX", vmOption("UseAVX"));
        print("maxVectorSize", vmOption("MaxVectorSize"));
        print("vectorApiBits", vectorApiBits());
    }

    /**
     * A HotSpot flag's value as this JVM runs, or null on a JVM (or CPU: UseAVX is x86 only) that lacks
     * it; the one reader of VM flags, for the environment file and the benchmarks that depend on a flag.
     */
    public static String vmOption(String name) {
        try {
            return ManagementFactory.getPlatformMXBean(com.sun.management.HotSpotDiagnosticMXBean.class)
                    .getVMOption(name).getValue();
        } catch (IllegalArgumentException | UnsupportedOperationException | NullPointerException e) {
            return null;
        }
    }

    /**
     * The Vector API's preferred float species in bits, when the forks load the incubator module
     * (SimdBenchmark's do); reached by name because the rest of the suite compiles without it.
     */
    public static String vectorApiBits() {
        if (ModuleLayer.boot().findModule("jdk.incubator.vector").isEmpty()) {
            return null;
        }
        try {
            Object species = Class.forName("jdk.incubator.vector.FloatVector").getField("SPECIES_PREFERRED").get(null);
            return String.valueOf(Class.forName("jdk.incubator.vector.VectorSpecies").getMethod("vectorBitSize").invoke(species));
        } catch (ReflectiveOperationException | RuntimeException e) {
            return null;
        }
    }

    /** The collector's common name from its MXBean names, e.g. "G1 Young Generation" → G1. */
    static String gcName(List<String> beans) {
        String all = String.join("|", beans);
        if (all.contains("G1 ")) {
            return "G1";
        }
        if (all.contains("ZGC")) {
            return "Z";
        }
        if (all.contains("Shenandoah")) {
            return "Shenandoah";
        }
        if (all.contains("PS Scavenge") || all.contains("PS MarkSweep")) {
            return "Parallel";
        }
        if (all.contains("Copy") || all.contains("MarkSweepCompact")) {
            return "Serial";
        }
        return beans.isEmpty() ? "Epsilon" : "unknown (" + all + ")";
    }

    private static void print(String key, String value) {
        // one line per key: a newline inside a value would break the parse
        System.out.println(key + "=" + (value == null ? "" : value.replace('\n', ' ')));
    }
}
