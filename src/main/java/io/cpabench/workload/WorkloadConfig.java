package io.cpabench.workload;

/**
 * The size knobs of every workload; each workload reads only its own.
 *
 * @param cpuSize primes are counted below this (CPU, and MIXED's two compute steps share it)
 * @param memBytes bytes one MEMORY task streams
 * @param arenaBytes size of the shared buffer MEMORY streams through; 0 = twice the last-level cache
 * @param ioMicros latency of one I/O wait
 * @param serialPercent the share of SHARED_LOCK's compute that runs holding the trial's one lock, 0–100
 * @param sharing where SHARED_COUNTER's counters live
 * @param probe told of every finished task
 */
public record WorkloadConfig(long cpuSize, long memBytes, long arenaBytes, long ioMicros, int serialPercent,
        Sharing sharing, TaskProbe probe) {
    /** One CPU task ≈ 0.2–1 ms on a current core; one I/O wait 1 ms. */
    public static final long DEFAULT_CPU_SIZE = 15_000;

    public static final long DEFAULT_MEM_BYTES = 4L << 20;
    public static final long DEFAULT_IO_MICROS = 1_000;
    /** Half under the lock: two workers already meet its ceiling of 2×. */
    public static final int DEFAULT_SERIAL_PERCENT = 50;

    public WorkloadConfig {
        if (cpuSize < 2 || memBytes < 8 || arenaBytes < 0 || ioMicros < 0) {
            throw new IllegalArgumentException("workload sizes must be positive: cpuSize=" + cpuSize
                    + " memBytes=" + memBytes + " arenaBytes=" + arenaBytes + " ioMicros=" + ioMicros);
        }
        if (serialPercent < 0 || serialPercent > 100) {
            throw new IllegalArgumentException("bad serialPercent " + serialPercent + "; valid: 0 to 100");
        }
        if (sharing == null) {
            sharing = Sharing.NONE;
        }
        if (probe == null) {
            probe = TaskProbe.NONE;
        }
    }

    /** The sizes alone; SHARED_LOCK and SHARED_COUNTER get their defaults (50% serial, no sharing). */
    public WorkloadConfig(long cpuSize, long memBytes, long arenaBytes, long ioMicros, TaskProbe probe) {
        this(cpuSize, memBytes, arenaBytes, ioMicros, DEFAULT_SERIAL_PERCENT, Sharing.NONE, probe);
    }

    public static WorkloadConfig defaults() {
        return new WorkloadConfig(DEFAULT_CPU_SIZE, DEFAULT_MEM_BYTES, 0, DEFAULT_IO_MICROS, TaskProbe.NONE);
    }

    public WorkloadConfig withProbe(TaskProbe p) {
        return new WorkloadConfig(cpuSize, memBytes, arenaBytes, ioMicros, serialPercent, sharing, p);
    }

    public WorkloadConfig withArenaBytes(long bytes) {
        return new WorkloadConfig(cpuSize, memBytes, bytes, ioMicros, serialPercent, sharing, probe);
    }

    /** The same sizes with SHARED_LOCK's serial share and SHARED_COUNTER's sharing set. */
    public WorkloadConfig withContention(int percent, Sharing s) {
        return new WorkloadConfig(cpuSize, memBytes, arenaBytes, ioMicros, percent, s, probe);
    }

    public long ioNanos() {
        return ioMicros * 1_000L;
    }
}
