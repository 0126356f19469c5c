package io.cpabench.workload;

import java.io.Serializable;
import java.util.Arrays;

/**
 * A short deterministic recipe of steps. Every execution model runs the same tasks and must return
 * the same checksum, which makes correctness testable and keeps the JIT from deleting the work.
 */
public final class Task implements Serializable {
    private static final long serialVersionUID = 1L;

    private final int id;
    private final Step[] steps;

    public Task(int id, Step... steps) {
        this.id = id;
        this.steps = steps.clone();
    }

    public int id() {
        return id;
    }

    public int size() {
        return steps.length;
    }

    public Step step(int i) {
        return steps[i];
    }

    /** The accumulator a task starts from: distinct per task so swapped results change the checksum. */
    public long seed() {
        return mix(0x9E3779B97F4A7C15L, id);
    }

    /** The value an I/O step sends and expects echoed back. */
    public long token(int i) {
        return ((long) id << 16) | i;
    }

    /** Folds one step's result into the task's accumulator (order-sensitive, like the steps). */
    public static long mix(long acc, long r) {
        long h = (acc ^ r) * 0xBF58476D1CE4E5B9L;
        return h ^ (h >>> 31);
    }

    /**
     * Runs a step other than I/O on the calling thread (I/O steps belong to the model). {@code cp} is the
     * GIL under the GIL models: compute polls it, and a step that waits for the shared lock or runs
     * natively releases it meanwhile ({@link Checkpoint#outside}).
     */
    public long runLocal(int i, Workbench wb, Checkpoint cp) {
        Step s = steps[i];
        switch (s.kind()) {
            case COMPUTE:
                return CpuScale.compute(s.amount(), cp);
            case SCAN:
                return Kernels.scan(wb.memory(), (long) id * s.amount(), s.amount(), cp);
            case LOCKED:
                return wb.sharedLock().hold(cp, () -> Kernels.countPrimesShare(s.amount(), 0, wb.serialShare(), cp));
            case UNLOCKED:
                return Kernels.countPrimesShare(s.amount(), wb.serialShare(), 1, cp);
            case COUNTED:
                return wb.counters().countPrimes(s.amount(), cp);
            case NATIVE:
                return cp.outside(() -> CpuScale.compute(s.amount(), Checkpoint.NONE));
            default:
                throw new IllegalArgumentException("not a local step: " + s);
        }
    }

    /** Runs every step on the calling thread, I/O through {@code io}; returns the task's result. */
    public long runBlocking(Workbench wb, Checkpoint cp, BlockingIo io) throws InterruptedException {
        long acc = seed();
        for (int i = 0; i < steps.length; i++) {
            Step s = steps[i];
            long r = s.kind() == Step.Kind.IO ? io.await(s.amount(), token(i)) : runLocal(i, wb, cp);
            acc = mix(acc, r);
        }
        return finish(wb, acc);
    }

    /** Called by every model exactly when the task's last step has run: the exactly-once probe. */
    public long finish(Workbench wb, long acc) {
        wb.probe().taskDone(id);
        return acc;
    }

    @Override
    public String toString() {
        return "Task#" + id + Arrays.toString(steps);
    }
}
