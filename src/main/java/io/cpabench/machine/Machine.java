package io.cpabench.machine;

import java.nio.file.Path;

/**
 * The hardware and OS the forks ran on, as the numbers depend on them: CPU model, cores the JVM may
 * use, container limits, physical memory, distribution and kernel. Any fact not found is null.
 *
 * @param logicalCores what the JVM sees, i.e. after cpusets and (on JDK 17+) the cgroup quota
 * @param simdFlags    the CPU's SIMD extensions as the kernel lists them (sse…, avx…, fma, asimd, sve…)
 */
public record Machine(String cpuModel, int logicalCores, Cgroup cgroup, Long memTotalBytes, String os,
                      String kernel, String arch, String simdFlags) {
    // x86 lists them under "flags", ARM under "Features"
    private static final java.util.regex.Pattern SIMD = java.util.regex.Pattern.compile(
            "sse\\w*|ssse3|avx\\w*|fma\\w*|f16c|amx\\w*|asimd\\w*|sve\\w*|neon");


    public static Machine here() {
        return read(Path.of("/"), Runtime.getRuntime().availableProcessors(),
                System.getProperty("os.name") + " " + System.getProperty("os.version"), System.getProperty("os.arch"));
    }

    /** @param jvmKernel "Linux 6.8.0-…" from the JVM, used when /proc does not say */
    public static Machine read(Path root, int cores, String jvmKernel, String arch) {
        String cpu = SysFiles.value(root.resolve("proc/cpuinfo"), "model name", ':');
        String release = SysFiles.firstLine(java.util.List.of(root.resolve("proc/sys/kernel/osrelease")));
        String os = SysFiles.value(root.resolve("etc/os-release"), "PRETTY_NAME", '=');
        return new Machine(cpu, cores, Cgroup.read(root), memTotal(root),
                os != null ? os : jvmKernel.split(" ")[0],
                release != null ? "Linux " + release : jvmKernel, arch, simdFlags(root));
    }

    public static String simdFlags(Path root) {
        String flags = SysFiles.value(root.resolve("proc/cpuinfo"), "flags", ':');
        if (flags == null) {
            flags = SysFiles.value(root.resolve("proc/cpuinfo"), "Features", ':');
        }
        if (flags == null) {
            return null;
        }
        return java.util.Arrays.stream(flags.trim().split("\\s+")).filter(f -> SIMD.matcher(f).matches())
                .collect(java.util.stream.Collectors.joining(" "));
    }

    // /proc/meminfo says "MemTotal:       24684092 kB"; kB there means KiB.
    private static Long memTotal(Path root) {
        String v = SysFiles.value(root.resolve("proc/meminfo"), "MemTotal", ':');
        if (v == null) {
            return null;
        }
        try {
            return Long.parseLong(v.replace("kB", "").trim()) * 1024;
        } catch (NumberFormatException e) {
            return null;
        }
    }
}
