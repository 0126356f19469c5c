package io.cpabench.simd;

import io.cpabench.model.Threads;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Future;
import sun.misc.Unsafe;

/**
 * One benchmark operation: {@link #ELEMENTS} element-steps of a kernel, as passes over arrays of
 * {@code size} floats split into {@code workers} contiguous slices, one per platform thread (the caller
 * takes the first). Small arrays are passed over many times so that they stay in cache and every size
 * does the same work per operation; the score is then elements per ns whatever the size. Slices are
 * {@link #GAP} floats apart, so that two workers never write one cache line: at the in-cache size a line
 * shared at a boundary would move between the cores on every pass (every ~100 ns), which is false
 * sharing, not the SIMD-and-threads question asked here.
 *
 * <p>Every slice starts on a 64-byte line when the fork runs with {@code -XX:ObjectAlignmentInBytes=64}
 * (SimdBenchmark's forks do): a 512-bit load or store that straddles two lines halves in-cache AXPY
 * (measured 42 against 23 elements/ns on one AVX-512 core), and where a JVM puts an array is up to it,
 * so without this the 1-worker and the N-worker rows, measured in different forks, each drew their
 * own alignment and their ratio measured that draw as much as the threads.
 */
public final class SimdWork implements AutoCloseable {
    /**
     * Element-steps per operation: ≈ 1 ms for the fastest row here (AXPY in cache at 2 workers). The
     * helpers park between operations; helpers that spun instead measured worse (README, SIMD section).
     */
    public static final int ELEMENTS = 1 << 26;

    /** Its helper threads are "cpabench-simd-i". */
    static final String THREAD_ROLE = "simd";

    private static final float A = 1e-3f;
    /** Floats between slices: two 64-byte lines, as adjacent-line prefetchers fetch lines in pairs. */
    static final int GAP = 32;

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
    private final ExecutorService helpers;

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
        this.helpers = workers == 1 ? null : Threads.fixedPool(workers - 1, THREAD_ROLE);
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

    /** One operation; returns the last dot product (AXPY: one element) so that nothing is dead code. */
    public float run() {
        if (helpers == null) {
            return slice(0);
        }
        List<Future<Float>> others = new ArrayList<>(bounds.length / 2 - 1);
        for (int w = 1; w < bounds.length / 2; w++) {
            int s = w;
            others.add(helpers.submit(() -> slice(s)));
        }
        float r = slice(0);
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

    private float slice(int w) {
        int from = bounds[2 * w];
        int to = bounds[2 * w + 1];
        float r = 0;
        for (int p = 0; p < passes; p++) {
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
        if (helpers != null) {
            Threads.stop(helpers);
        }
    }
}
