package io.cpabench.simd;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * One benchmark operation: {@link #ELEMENTS} element-steps of a kernel, as passes over arrays of
 * {@code size} floats split into {@code workers} contiguous slices, one per platform thread (the caller
 * takes the first). Small arrays are passed over many times so that they stay in cache and every size
 * does the same work per operation; the score is then elements per ns whatever the size. Slices are
 * {@link #GAP} floats apart, so that two workers never write one cache line: at the in-cache size a line
 * shared at a boundary would move between the cores on every pass (every ~100 ns), which is false
 * sharing, not the SIMD-and-threads question asked here.
 */
public final class SimdWork implements AutoCloseable {
    /** Element-steps per operation: long enough (≥ 1 ms) that handing slices to threads costs under 5%. */
    public static final int ELEMENTS = 1 << 24;

    static final String THREAD_NAME = "simd-worker";

    private static final float A = 1e-3f;
    /** Floats between slices: two 64-byte lines, as adjacent-line prefetchers fetch lines in pairs. */
    static final int GAP = 32;

    private final FloatKernels kernels;
    private final SimdOp op;
    private final float[] x;
    private final float[] y;
    private final int passes;
    private final int[] bounds;
    private final ExecutorService helpers;
    private final List<Thread> threads = new java.util.concurrent.CopyOnWriteArrayList<>();

    private SimdWork(FloatKernels kernels, SimdOp op, int size, int workers) {
        this.kernels = kernels;
        this.op = op;
        int length = size + GAP * (workers - 1);
        this.x = fill(length, 1);
        this.y = fill(length, 2);
        this.passes = ELEMENTS / size;
        // slice w is [from(w), from(w) + its share of size): bounds holds each slice's from and to
        this.bounds = new int[2 * workers];
        for (int w = 0; w < workers; w++) {
            bounds[2 * w] = (int) ((long) size * w / workers) + GAP * w;
            bounds[2 * w + 1] = (int) ((long) size * (w + 1) / workers) + GAP * w;
        }
        this.helpers = workers == 1 ? null : Executors.newFixedThreadPool(workers - 1, r -> {
            Thread t = new Thread(r, THREAD_NAME);
            t.setDaemon(true);
            threads.add(t);
            return t;
        });
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

    /** Stops the helper threads and waits for them, so no trial leaves threads behind. */
    @Override
    public void close() {
        if (helpers == null) {
            return;
        }
        helpers.shutdownNow();
        try {
            // a terminated pool's threads may still be finishing their exit: join them, not just the pool
            for (Thread t : threads) {
                t.join(10_000);
                if (t.isAlive()) {
                    throw new IllegalStateException("simd workers did not stop within 10 s");
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
