package io.cpabench.machine;

import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/**
 * Linux's CPU clock ticks, all CPUs together: the machine's busy and steal time from {@code /proc/stat},
 * and this process's own plus its reaped children's (the JMH forks) from {@code /proc/self/stat}.
 * Two readings around a piece say how much CPU something other than the suite took while it measured.
 */
public record CpuTicks(long busy, long steal, long total, long own) {

    /** Now, or empty where /proc does not say (not Linux, or hidden): the load is then not known. */
    public static Optional<CpuTicks> now() {
        return read(Path.of("/"));
    }

    static Optional<CpuTicks> read(Path root) {
        return parse(SysFiles.firstLine(List.of(root.resolve("proc/stat"))),
                SysFiles.firstLine(List.of(root.resolve("proc/self/stat"))));
    }

    /**
     * @param cpuLine  /proc/stat's first line: "cpu user nice system idle iowait irq softirq steal …"
     * @param selfStat /proc/self/stat: "pid (comm) state … utime stime cutime cstime …" (fields 14–17)
     */
    static Optional<CpuTicks> parse(String cpuLine, String selfStat) {
        if (cpuLine == null || selfStat == null || !cpuLine.startsWith("cpu ")) {
            return Optional.empty();
        }
        try {
            String[] c = cpuLine.trim().split("\\s+");
            long user = Long.parseLong(c[1]);
            long nice = Long.parseLong(c[2]);
            long system = Long.parseLong(c[3]);
            long idle = Long.parseLong(c[4]);
            long iowait = Long.parseLong(c[5]);
            long irq = Long.parseLong(c[6]);
            long softirq = Long.parseLong(c[7]);
            long steal = c.length > 8 ? Long.parseLong(c[8]) : 0;
            // guest time is already inside user and nice: not added again
            long busy = user + nice + system + irq + softirq;
            // the command name may hold spaces and parentheses: the fields start after the last ')'
            String[] s = selfStat.substring(selfStat.lastIndexOf(')') + 2).trim().split("\\s+");
            long own = Long.parseLong(s[11]) + Long.parseLong(s[12]) + Long.parseLong(s[13]) + Long.parseLong(s[14]);
            return Optional.of(new CpuTicks(busy, steal, busy + idle + iowait + steal, own));
        } catch (RuntimeException e) {
            return Optional.empty();
        }
    }
}
