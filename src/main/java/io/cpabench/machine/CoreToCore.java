package io.cpabench.machine;

import java.util.Arrays;
import java.util.OptionalDouble;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The round trip of one value between two threads spinning on two CPUs: what a hand-off costs the
 * hardware. On a virtual machine it is the host's placement of the guest's vCPUs, and the host changes it
 * while a run goes on: a 2-vCPU guest here went between ≈ 60 ns (two vCPUs on cores that share a cache)
 * and ≈ 440 ns (cores that do not) for tens of seconds at a time, which moved the hand-off rows' fork
 * means by 30–80% and left a plain loop steady. Measured beside each piece, it tells which placement a
 * fork met.
 */
public final class CoreToCore {
    private static final int BATCHES = 21;
    private static final int TRIPS = 2_000;
    /** A batch that takes this long means the two threads were not running at once: no reading. */
    private static final long BATCH_LIMIT_NANOS = 50_000_000L;

    private CoreToCore() {}

    /**
     * The median over batches of the mean round trip, in ns (≈ 20 ms on a quiet machine); empty with fewer
     * than two CPUs, or when the other thread did not answer in time (it then shared a CPU with this one,
     * and the figure would be the scheduler's).
     */
    public static OptionalDouble roundTripNanos() {
        if (Runtime.getRuntime().availableProcessors() < 2) {
            return OptionalDouble.empty();
        }
        AtomicLong ball = new AtomicLong();
        Thread echo = new Thread(() -> echo(ball), "cpabench-core-to-core");
        echo.setDaemon(true);
        echo.start();
        double[] means = new double[BATCHES];
        long v = 0;
        try {
            for (int b = 0; b < BATCHES; b++) {
                long start = System.nanoTime();
                for (int i = 0; i < TRIPS; i++) {
                    ball.set(v + 1);
                    while (ball.get() != v + 2) {
                        if (System.nanoTime() - start > BATCH_LIMIT_NANOS) {
                            return OptionalDouble.empty();
                        }
                        Thread.onSpinWait();
                    }
                    v += 2;
                }
                means[b] = (double) (System.nanoTime() - start) / TRIPS;
            }
        } finally {
            ball.set(-1); // tells the echo to end
            try {
                echo.join(1_000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        Arrays.sort(means);
        return OptionalDouble.of(means[BATCHES / 2]);
    }

    /** Answers each odd value with the next even one until the value turns negative. */
    private static void echo(AtomicLong ball) {
        for (;;) {
            long x = ball.get();
            if (x < 0) {
                return;
            }
            if ((x & 1) == 1) {
                ball.compareAndSet(x, x + 1);
            } else {
                Thread.onSpinWait();
            }
        }
    }
}
