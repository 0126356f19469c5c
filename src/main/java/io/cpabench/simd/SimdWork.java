package io.cpabench.simd;

import io.cpabench.model.Threads;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import sun.misc.Unsafe;

/**
 * One benchmark operation: {@link #ELEMENTS} element-steps of a kernel, as passes over arrays of
 * {@code size} floats split into {@code workers} contiguous slices, one per platform thread of its own.
 * Small arrays are passed over many times so that they stay in cache and every size does the same work
 * per operation; the score is then elements per ns whatever the size.
 *
 * <p>Every slice is worked by a pool thread, one worker count or many, while the caller waits: so the
 * 1-worker and the N-worker rows run the same compiled code and pay the same hand-off, and their ratio
 * is the threads' and nothing else (when the caller took the first slice itself, it ran its share up to
 * 40% slower than the helper beside it, in code the JIT had compiled differently). Each worker stays on
 * its own slice, so its part stays in its own core's cache, but the passes are shared out as the
 * operation goes: a worker takes a few at a time from what is left, so one that starts late (woken from
 * park at the start of the operation) or runs slow for a while does fewer, and the other more.
 *
 * <p>Slices are {@link #GAP} floats apart, so that two workers never write one cache line, nor one page
 * that a prefetcher streaming off the end of one slice would reach into the next: at the in-cache size a
 * line shared at a boundary would move between the cores on every pass, which is false sharing, not the
 * SIMD-and-threads question asked here.
 *
 * <p>Every slice starts on a 64-byte line when the fork runs with {@code -XX:ObjectAlignmentInBytes=64}
 * (SimdBenchmark's forks do): a 512-bit load or store that straddles two lines halves in-cache AXPY
 * (measured 42 against 23 elements/ns on one AVX-512 core), and where a JVM puts an array is up to it,
 * so without this the 1-worker and the N-worker rows, measured in different forks, each drew their
 * own alignment and their ratio measured that draw as much as the threads.
 */
public final class SimdWork implements AutoCloseable {
    /**
     * Element-steps per operation: ≈ 9 ms for the fastest row here (AXPY in cache at 2 workers), long
     * enough that waking the parked workers at its start costs under 2% of it. At 2^26 (≈ 1 ms) the wake-up
     * took ≈ 15% of a 1-worker operation on the 2-vCPU KVM guest here, where a parked thread wakes late.
     */
    public static final int ELEMENTS = 1 << 29;

    /** Its worker threads are "cpabench-simd-i". */
    static final String THREAD_ROLE = "simd";

    private static final float A = 1e-3f;
    /** Element-steps a worker takes at a time: a few microseconds of in-cache work, so taking is rare. */
    static final int CHUNK = 1 << 17;

    /** Floats between slices: a 4 KiB page, which hardware prefetchers do not stream across. */
    static final int GAP = 1024;

    /** Floats in a 64-byte cache line. */
    static final int LINE = 16;

    /** The first index on a line boundary, when arrays themselves start on one (ObjectAlignmentInBytes=64). */
    static final int LEAD = (64 - Unsafe.ARRAY_FLOAT_BASE_OFFSET % 64) % 64 / Float.BYTES;

    private final FloatKernels kernels;
    private final SimdOp op;
    private final float[] x;
    private final float[] y;
    private final int passes;
    private final int[] bounds;
    /** Slice-passes a worker takes at a time: about {@link #CHUNK} element-steps, at least one pass. */
    private final int chunk;
    /** Slice-passes of the current operation not yet taken by a worker. */
    private final AtomicInteger left = new AtomicInteger();
    /** Slice-passes each worker did in the last operation. */
    private final int[] done;
    private final ExecutorService pool;

    private SimdWork(FloatKernels kernels, SimdOp op, int size, int workers) {
        this.kernels = kernels;
        this.op = op;
        int length = LEAD + size + GAP * (workers - 1);
        this.x = fill(length, 1);
        this.y = fill(length, 2);
        this.passes = ELEMENTS / size;
        // slice w is [from(w), from(w) + its share of size): bounds holds each slice's from and to
        this.bounds = new int[2 * workers];
        for (int w = 0; w < workers; w++) {
            bounds[2 * w] = LEAD + cut(size, w, workers) + GAP * w;
            bounds[2 * w + 1] = LEAD + cut(size, w + 1, workers) + GAP * w;
        }
        this.chunk = Math.max(1, CHUNK / Math.max(1, size / workers));
        this.done = new int[workers];
        this.pool = Threads.fixedPool(workers, THREAD_ROLE);
    }

    /**
     * Opens the kernel on arrays of {@code size} floats and checks it against the plain loops before
     * anything is measured: {@code AXPY} must give the same bits, {@code DOT} must stay within the
     * rounding a different summation order can cause.
     *
     * @throws IllegalArgumentException for a size that is not a power of two in [workers, ELEMENTS]
     * @throws IllegalStateException when this JVM cannot run the kernel (with the reason) or it computes wrongly
     */
    public static SimdWork open(SimdKernel kernel, SimdOp op, int size, int workers) {
        if (workers < 1 || Integer.bitCount(size) != 1 || size < workers || size > ELEMENTS) {
            throw new IllegalArgumentException("size must be a power of two from workers to " + ELEMENTS
                    + " and workers >= 1, got size " + size + ", workers " + workers);
        }
        String why = kernel.unavailable();
        if (why != null) {
            throw new IllegalStateException(why);
        }
        SimdWork work = new SimdWork(kernel.open(), op, size, workers);
        try {
            work.check();
        } catch (RuntimeException e) {
            work.close();
            throw e;
        }
        return work;
    }

    /** One operation; returns the sum of what each share returned (dot products, or one element of y) so that nothing is dead code. */
    public float run() {
        left.set(passes * done.length);
        List<Future<Float>> others = new ArrayList<>(done.length);
        for (int w = 0; w < done.length; w++) {
            int s = w;
            others.add(pool.submit(() -> share(s)));
        }
        float r = 0;
        try {
            for (Future<Float> f : others) {
                r += f.get();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        } catch (ExecutionException e) {
            throw new IllegalStateException("a slice failed: " + e.getCause(), e.getCause());
        }
        return r;
    }

    /** Worker w's part: passes over its own slice, a chunk at a time, until none are left. */
    private float share(int w) {
        float r = 0;
        int did = 0;
        for (int got = take(); got > 0; got = take()) {
            r += slice(w, got);
            did += got;
        }
        done[w] = did;
        return r;
    }

    /** Up to a chunk of the slice-passes left, or 0 when none are. */
    private int take() {
        int before = left.getAndUpdate(l -> Math.max(0, l - chunk));
        return Math.min(chunk, before);
    }

    private float slice(int w, int count) {
        int from = bounds[2 * w];
        int to = bounds[2 * w + 1];
        float r = 0;
        for (int p = 0; p < count; p++) {
            if (op == SimdOp.AXPY) {
                kernels.axpy(A, x, y, from, to);
            } else {
                r = kernels.dot(x, y, from, to);
            }
        }
        return op == SimdOp.AXPY ? y[from] : r;
    }

    private void check() {
        PlainLoops plain = new PlainLoops();
        if (op == SimdOp.AXPY) {
            float[] expected = y.clone();
            float[] actual = y.clone();
            for (int w = 0; w < bounds.length / 2; w++) {
                plain.axpy(A, x, expected, bounds[2 * w], bounds[2 * w + 1]);
                kernels.axpy(A, x, actual, bounds[2 * w], bounds[2 * w + 1]);
            }
            SimdCheck.sameBits(actual, expected);
        } else {
            float actual = 0;
            for (int w = 0; w < bounds.length / 2; w++) {
                actual += kernels.dot(x, y, bounds[2 * w], bounds[2 * w + 1]);
            }
            SimdCheck.withinReorderBound(actual, x, y, bounds);
        }
    }

    /** Where worker w's share of size begins: on a line boundary, unless the shares are under a line. */
    private static int cut(int size, int w, int workers) {
        int at = (int) ((long) size * w / workers);
        return size >= LINE * workers ? at - at % LINE : at;
    }

    private static float[] fill(int size, long seed) {
        SplittableRandom r = new SplittableRandom(seed);
        float[] a = new float[size];
        for (int i = 0; i < size; i++) {
            a[i] = (float) r.nextDouble();
        }
        return a;
    }

    /** Passes over its own slice each worker did in the last operation, in worker order. */
    int[] lastShares() {
        return done.clone();
    }

    /** Each worker's slice as {from, to} pairs, in worker order. */
    int[] slices() {
        return bounds.clone();
    }

    /** Checks the kernel again, now that its loops are compiled as they were measured. */
    public void verify() {
        check();
    }

    /** Stops the helper threads and waits until each has ended, so no trial leaves threads behind. */
    @Override
    public void close() {
        Threads.stop(pool);
    }
}
