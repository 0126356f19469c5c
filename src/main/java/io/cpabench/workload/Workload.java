package io.cpabench.workload;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Optional;
import java.util.Set;

/**
 * What the work is: a recipe of steps, and the resources its steps need. One constant per workload;
 * everything else that depends on the workload asks the constant: whether its time is spent waiting
 * ({@link #isIo()}) and which benchmark parameters shape its tasks ({@link #parameters()}).
 */
public enum Workload {
    /**
     * Pure ALU: counting the primes below {@code cpuSize} by trial division ({@link Kernels#countPrimes}),
     * no allocation, a GIL checkpoint every 256 numbers.
     */
    CPU(false, Params.CPU_SIZE) {
        @Override
        Step[] recipe(WorkloadConfig c) {
            return new Step[] {Step.compute(c.cpuSize())};
        }
    },
    /** A streaming pass through a buffer larger than the last-level cache: bandwidth-bound. */
    MEMORY(false, Params.MEM_KIB) {
        @Override
        Step[] recipe(WorkloadConfig c) {
            return new Step[] {Step.scan(c.memBytes())};
        }
    },
    /** A fixed-latency wait: {@code Thread.sleep}/park when blocking, a timer-completed future when not. */
    IO_SLEEP(true, Params.IO_MICROS) {
        @Override
        Step[] recipe(WorkloadConfig c) {
            return new Step[] {Step.io(c.ioNanos())};
        }
    },
    /** A request/response over loopback TCP to an in-process server that answers after the latency. */
    IO_SOCKET(true, Params.IO_MICROS) {
        @Override
        Step[] recipe(WorkloadConfig c) {
            return new Step[] {Step.io(c.ioNanos())};
        }

        @Override
        IoBackend openIo() {
            return SocketIo.start();
        }
    },
    /**
     * A request handler in miniature, validating an order: parse it (a quarter of the compute), wait on
     * I/O (a lookup), check it against patterns (the rest of the compute).
     */
    MIXED(false, Params.CPU_SIZE, Params.IO_MICROS) {
        @Override
        Step[] recipe(WorkloadConfig c) {
            long parse = Math.max(2, c.cpuSize() / 4);
            return new Step[] {Step.compute(parse), Step.io(c.ioNanos()), Step.compute(c.cpuSize() - parse)};
        }
    },
    /**
     * A contended lock: a task counts primes, and {@code serialPercent} of that work runs holding one lock
     * shared by every worker of the trial while the others go on with their unlocked part. The lock serves
     * one serial part at a time, so speedup ≤ min(workers, 100 / serialPercent), reached once enough
     * workers keep it busy. A GIL thread waiting for it releases the GIL ({@link SharedLock}).
     */
    SHARED_LOCK(false, Params.CPU_SIZE, Params.SERIAL_PERCENT) {
        @Override
        Step[] recipe(WorkloadConfig c) {
            if (c.serialPercent() == 0) {
                return new Step[] {Step.unlocked(c.cpuSize())};
            }
            if (c.serialPercent() == 100) {
                return new Step[] {Step.locked(c.cpuSize())};
            }
            return new Step[] {Step.unlocked(c.cpuSize()), Step.locked(c.cpuSize())};
        }
    },
    /**
     * Shared-memory traffic: CPU's prime count, adding every number tested to shared state laid out by
     * {@code sharing} ({@link Sharing}): on separate cores a line moved between them at each update costs
     * real cycles (FALSE_SHARING, ATOMIC); a per-worker line (NONE) or a LongAdder does not.
     */
    SHARED_COUNTER(false, Params.CPU_SIZE, Params.SHARING) {
        @Override
        Step[] recipe(WorkloadConfig c) {
            return new Step[] {Step.counted(c.cpuSize())};
        }
    },
    /**
     * CPU's kernel run as a C extension runs it (NumPy, hashlib, zlib): under the GIL models the step
     * releases the GIL around itself, so GIL threads compute in parallel, as platform threads do.
     */
    NATIVE(false, Params.CPU_SIZE) {
        @Override
        Step[] recipe(WorkloadConfig c) {
            return new Step[] {Step.nativeCompute(c.cpuSize())};
        }
    },
    /** An empty task: what is left is each model's own dispatch cost. */
    NOOP(false) {
        @Override
        Step[] recipe(WorkloadConfig c) {
            return new Step[0];
        }
    };

    private final boolean io;
    private final Set<String> parameters;

    Workload(boolean io, String... parameters) {
        this.io = io;
        this.parameters = Set.of(parameters);
    }

    abstract Step[] recipe(WorkloadConfig c);

    /** True when a task's time is a wait, not compute: speedups then count overlapped waits, not cores. */
    public boolean isIo() {
        return io;
    }

    /** {@link #isIo()} of a workload named in a result file; false for a name this build does not know. */
    public static boolean isIo(String name) {
        return find(name).map(Workload::isIo).orElse(false);
    }

    /**
     * The benchmark parameters (of {@code ScalingBenchmark}: {@code cpuSize}, {@code memKiB},
     * {@code ioMicros}, {@code serialPercent}, {@code sharing}) that change this workload's tasks; the others are ignored by it, so rows that
     * differ only in those are the same measurement.
     */
    public Set<String> parameters() {
        return parameters;
    }

    /** Every benchmark parameter some workload's tasks depend on. */
    public static Set<String> allParameters() {
        return Set.of(Params.CPU_SIZE, Params.MEM_KIB, Params.IO_MICROS, Params.SERIAL_PERCENT, Params.SHARING);
    }

    /** The names of the benchmark parameters that size a workload's steps. */
    public static final class Params {
        public static final String CPU_SIZE = "cpuSize";
        public static final String MEM_KIB = "memKiB";
        public static final String IO_MICROS = "ioMicros";
        public static final String SERIAL_PERCENT = "serialPercent";
        public static final String SHARING = "sharing";

        private Params() {}
    }

    /** The workload a result file names, if this build has it. */
    public static Optional<Workload> find(String name) {
        return Arrays.stream(values()).filter(w -> w.name().equals(name)).findFirst();
    }

    IoBackend openIo() {
        return new SleepIo();
    }

    /** Allocates what this workload's steps need (buffer, server, timer) for one trial. */
    public Workbench open(WorkloadConfig config) {
        return open(config, openIo());
    }

    /** As {@link #open(WorkloadConfig)}, with the I/O steps served by {@code io} (tests, other backends). */
    public Workbench open(WorkloadConfig config, IoBackend io) {
        long[] memory = this == MEMORY ? arena(config.arenaBytes()) : new long[1];
        return new Workbench(this, config, memory, io);
    }

    /** Parses a workload name, failing with the valid ones. */
    public static Workload parse(String name) {
        return EnumNames.parse(Workload.class, "workload", name);
    }

    public static String names() {
        return EnumNames.names(Workload.class);
    }

    /** The buffer MEMORY streams through, filled so its sum depends on every word. */
    static long[] arena(long requestedBytes) {
        long bytes = requestedBytes > 0 ? requestedBytes : defaultArenaBytes();
        long[] a = new long[(int) Math.min(Integer.MAX_VALUE - 8, bytes >>> 3)];
        for (int i = 0; i < a.length; i++) {
            a[i] = i * 0x9E3779B97F4A7C15L;
        }
        return a;
    }

    /** Twice the last-level cache, so a streaming pass never finds its data cached: 64 MiB–1 GiB. */
    public static long defaultArenaBytes() {
        long llc = lastLevelCacheBytes();
        return Math.max(64L << 20, Math.min(1L << 30, 2 * llc));
    }

    /** The largest cache the kernel reports for cpu0; 32 MiB when it reports none. */
    public static long lastLevelCacheBytes() {
        long best = 0;
        Path dir = Path.of("/sys/devices/system/cpu/cpu0/cache");
        for (int i = 0; i < 8; i++) {
            Path size = dir.resolve("index" + i).resolve("size");
            try {
                best = Math.max(best, parseSize(Files.readString(size).trim()));
            } catch (IOException | RuntimeException e) {
                // no such level, or not Linux
            }
        }
        return best > 0 ? best : 32L << 20;
    }

    static long parseSize(String s) {
        char unit = Character.toUpperCase(s.charAt(s.length() - 1));
        long shift = unit == 'K' ? 10 : unit == 'M' ? 20 : unit == 'G' ? 30 : 0;
        String digits = shift == 0 ? s : s.substring(0, s.length() - 1);
        return Long.parseLong(digits) << shift;
    }
}
