package io.cpabench.results;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * Which process holds an OS lock on a file, read from Linux's {@code /proc/locks} rather than by
 * trying the lock: a try would hold it for a moment, and another run's JMH taking its lock in that
 * moment would fail a piece. Elsewhere, or when the file is gone, the answer is "unknown".
 */
public final class FileLocks {
    private static final Path PROC_LOCKS = Path.of("/proc/locks");

    private FileLocks() {}

    /** The pid holding a lock on {@code file}, if Linux says one does. */
    public static Optional<Long> holder(Path file) {
        try {
            long inode = ((Number) Files.getAttribute(file, "unix:ino")).longValue();
            long dev = ((Number) Files.getAttribute(file, "unix:dev")).longValue();
            return holder(Files.readAllLines(PROC_LOCKS), inode, dev);
        } catch (IOException | UnsupportedOperationException | IllegalArgumentException | ClassCastException e) {
            return Optional.empty();
        }
    }

    /**
     * Lines such as {@code 2: POSIX  ADVISORY  WRITE 10040 fe:00:2147221 0 EOF}: the pid, then the
     * device's major and minor in hex and the inode in decimal. A waiting lock ("-&gt;") holds nothing.
     */
    static Optional<Long> holder(List<String> procLocks, long inode, long dev) {
        String wanted = String.format(Locale.ROOT, "%02x:%02x:%d", major(dev), minor(dev), inode);
        for (String line : procLocks) {
            String[] f = line.trim().split("\\s+");
            if (f.length >= 6 && !f[1].equals("->") && f[5].equalsIgnoreCase(wanted)) {
                try {
                    return Optional.of(Long.parseLong(f[4]));
                } catch (NumberFormatException e) {
                    return Optional.empty();
                }
            }
        }
        return Optional.empty();
    }

    /** "process 1234 (/usr/bin/java)", or just the pid when it has gone or cannot be seen. */
    public static String describe(long pid) {
        String command = ProcessHandle.of(pid).flatMap(h -> h.info().command()).orElse("");
        return "process " + pid + (command.isEmpty() ? "" : " (" + command + ")");
    }

    // glibc's gnu_dev_major/minor: the 64-bit st_dev keeps the low bits of each in its low 20 bits
    private static long major(long dev) {
        return ((dev >>> 8) & 0xfffL) | ((dev >>> 32) & 0xfffff000L);
    }

    private static long minor(long dev) {
        return (dev & 0xffL) | ((dev >>> 12) & 0xffffff00L);
    }
}
