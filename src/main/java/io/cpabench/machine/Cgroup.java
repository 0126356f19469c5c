package io.cpabench.machine;

import java.math.BigDecimal;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * The CPU quota and memory limit the container imposes, from cgroup v2 ({@code cpu.max},
 * {@code memory.max}) or v1 ({@code cpu.cfs_quota_us}/{@code cpu.cfs_period_us},
 * {@code memory.limit_in_bytes}). Null means no limit found, which is also what a machine without
 * these files reports: a laptop has no quota, and that must not crash a run.
 */
public record Cgroup(String cpuMax, Double cpuQuotaCores, Long memoryLimitBytes) {
    // v1 writes "no limit" as a huge page-aligned number (2^63 rounded down to a page) rather than "max".
    private static final long V1_UNLIMITED = 1L << 62;

    /** Reads below {@code root} ("/" on a real machine, a fake tree in tests). */
    public static Cgroup read(Path root) {
        Path fs = root.resolve("sys/fs/cgroup");
        List<String> procCgroup = SysFiles.lines(root.resolve("proc/self/cgroup"));
        String v2Own = ownPath(procCgroup, "");
        String cpuMax = SysFiles.firstLine(candidates(fs, v2Own, "cpu.max"));
        if (cpuMax != null) {
            return new Cgroup(cpuMax, v2Cpu(cpuMax), v2Memory(SysFiles.firstLine(candidates(fs, v2Own, "memory.max"))));
        }
        String v2Memory = SysFiles.firstLine(candidates(fs, v2Own, "memory.max"));
        if (v2Memory != null) {
            return new Cgroup(null, null, v2Memory(v2Memory));
        }
        Path cpuDir = fs.resolve("cpu");
        String cpuOwn = ownPath(procCgroup, "cpu");
        String quota = SysFiles.firstLine(candidates(cpuDir, cpuOwn, "cpu.cfs_quota_us"));
        String period = SysFiles.firstLine(candidates(cpuDir, cpuOwn, "cpu.cfs_period_us"));
        String memory = SysFiles.firstLine(candidates(fs.resolve("memory"), ownPath(procCgroup, "memory"), "memory.limit_in_bytes"));
        String raw = quota == null ? null : quota + " " + (period == null ? "?" : period);
        return new Cgroup(raw, v1Cpu(quota, period), v1Memory(memory));
    }

    /** "200000 100000" → 2.0 cores; "max 100000" → null. */
    static Double v2Cpu(String cpuMax) {
        String[] f = cpuMax.trim().split("\\s+");
        return f.length == 2 && !"max".equals(f[0]) ? ratio(f[0], f[1]) : null;
    }

    static Long v2Memory(String memoryMax) {
        return memoryMax == null || "max".equals(memoryMax.trim()) ? null : number(memoryMax);
    }

    static Double v1Cpu(String quota, String period) {
        return quota == null || period == null || quota.trim().startsWith("-") ? null : ratio(quota, period);
    }

    static Long v1Memory(String limit) {
        Long bytes = limit == null ? null : number(limit);
        return bytes == null || bytes >= V1_UNLIMITED ? null : bytes;
    }

    /** This process's own cgroup, nested or not: the limit may sit there rather than at the mount root. */
    private static List<Path> candidates(Path mount, String own, String file) {
        List<Path> out = new ArrayList<>();
        if (own != null && !own.equals("/")) {
            out.add(mount.resolve(own.substring(1)).resolve(file));
        }
        out.add(mount.resolve(file));
        return out;
    }

    /** The path in /proc/self/cgroup for a v1 controller, or v2's unified "0::" line when controller is "". */
    private static String ownPath(List<String> lines, String controller) {
        for (String l : lines) {
            String[] f = l.split(":", 3);
            if (f.length < 3) {
                continue;
            }
            boolean match = controller.isEmpty() ? f[0].equals("0") && f[1].isEmpty()
                    : List.of(f[1].split(",")).contains(controller);
            if (match) {
                return f[2].trim();
            }
        }
        return null;
    }

    private static Double ratio(String a, String b) {
        Long x = number(a);
        Long y = number(b);
        return x == null || y == null || y <= 0 ? null
                : new BigDecimal(x).divide(new BigDecimal(y), 3, java.math.RoundingMode.HALF_EVEN).doubleValue();
    }

    private static Long number(String s) {
        try {
            return Long.parseLong(s.trim());
        } catch (NumberFormatException e) {
            return null;
        }
    }
}
