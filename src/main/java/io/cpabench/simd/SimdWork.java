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
 * does the same work per operation; the score is then elements per ns whatever the size.
 */
public final class SimdWork implements AutoCloseable {
    /** Element-steps per operation: long enough (≥ 1 ms) that handing slices to threads costs under 5%. */
    public static final int ELEMENTS = 1 << 24;

    static final String THREAD_NAME = "simd-worker";

    private static final float A = 1e-3f;

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
        this.x = fill(size, 1);
        this.y = fill(size, 2);
        this.passes = ELEMENTS / size;
        this.bounds = new int[workers + 1];
        for (int w = 0; w <= workers; w++) {
            bounds[w] = (int) ((long) size * w / workers);
        }
        this.helpers = workers == 1 ? null : Executors.newFixedThreadPool(workers - 1, r -> {
            Thread t = new Thread(r, THREAD_NAME);
            t.setDaemon(true);
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
        List<Future<Float>> others = new ArrayList<>(bounds.length - 2);
        for (int w = 1; w < bounds.length - 1; w++) {
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
        int from = bounds[w];
        int to = bounds[w + 1];
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
        float[] expected = y.clone();
        PlainLoops plain = new PlainLoops();
        if (op == SimdOp.AXPY) {
            plain.axpy(A, x, expected, 0, expected.length);
            float[] actual = y.clone();
            for (int w = 0; w < bounds.length - 1; w++) {
                kernels.axpy(A, x, actual, bounds[w], bounds[w + 1]);
            }
            SimdCheck.sameBits(actual, expected);
        } else {
            float actual = 0;
            for (int w = 0; w < bounds.length - 1; w++) {
                actual += kernels.dot(x, y, bounds[w], bounds[w + 1]);
            }
            SimdCheck.withinReorderBound(actual, x, y);
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
            if (!helpers.awaitTermination(10, java.util.concurrent.TimeUnit.SECONDS)) {
                throw new IllegalStateException("simd workers did not stop within 10 s");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
