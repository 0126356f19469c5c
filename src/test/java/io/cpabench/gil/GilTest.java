package io.cpabench.gil;

import io.cpabench.workload.BlockingIo;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import java.util.ArrayList;
import java.util.List;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Behaviour, not speed: the only time bounds are generous ceilings, so these pass on a loaded 2-core machine.
 */
@Timeout(value = 60, unit = TimeUnit.SECONDS)
class GilTest {
    private static final long JOIN_MILLIS = 30_000;

    private final Queue<Throwable> failures = new ConcurrentLinkedQueue<>();
    private final List<Thread> started = new ArrayList<>();

    @AfterEach
    void stopStragglers() throws InterruptedException {
        for (Thread t : started) {
            t.interrupt();
            t.join(JOIN_MILLIS);
        }
    }

    /** Starts a thread whose failures (including assertion errors) are reported by {@link #joinAll}. */
    private Thread start(String name, ThrowingRunnable body) {
        Thread t = new Thread(() -> {
            try {
                body.run();
            } catch (Throwable e) {
                failures.add(e);
            }
        }, name);
        t.setDaemon(true);
        started.add(t);
        t.start();
        return t;
    }

    private void joinAll(Thread... threads) throws InterruptedException {
        for (Thread t : threads) {
            t.join(JOIN_MILLIS);
            assertThat(t.isAlive()).as("%s finished", t.getName()).isFalse();
        }
        if (!failures.isEmpty()) {
            AssertionError e = new AssertionError("failures in worker threads");
            failures.forEach(e::addSuppressed);
            throw e;
        }
    }

    @FunctionalInterface
    interface ThrowingRunnable {
        void run() throws Exception;
    }

    /** CPU work between checkpoints; returns something so the JIT cannot drop it. */
    private static long spin(Gil gil, int iterations, boolean poll) {
        long x = 1;
        for (int i = 1; i <= iterations; i++) {
            x = x * 6364136223846793005L + i;
            if (poll && (i & 255) == 0) {
                gil.poll();
            }
        }
        return x;
    }

    private static final AtomicLong SINK = new AtomicLong();

    @Test
    void mutualExclusionUnderStressWithPollsAndIo() throws InterruptedException {
        // A short interval makes drop requests, and so switches inside poll(), frequent.
        Gil gil = new Gil(100_000, true);
        AtomicInteger inside = new AtomicInteger();
        AtomicInteger maxInside = new AtomicInteger();
        BlockingIo io = gil.releasing((latency, token) -> {
            Thread.sleep(0, 50_000);
            return token;
        });
        Runnable enter = () -> {
            int n = inside.incrementAndGet();
            maxInside.accumulateAndGet(n, Math::max);
            assertThat(n).isEqualTo(1);
        };
        int threads = 8, iterations = 1_500;
        Thread[] ts = new Thread[threads];
        for (int k = 0; k < threads; k++) {
            int id = k;
            ts[k] = start("stress-" + k, () -> {
                for (int i = 0; i < iterations; i++) {
                    gil.acquire();
                    try {
                        enter.run();
                        SINK.addAndGet(spin(gil, 300, false));
                        inside.decrementAndGet();
                        // poll() and I/O are where the lock may change hands, so nobody is "inside" across them.
                        gil.poll();
                        assertThat(gil.isHeldByCurrentThread()).isTrue();
                        enter.run();
                        SINK.addAndGet(spin(gil, 300, false));
                        inside.decrementAndGet();
                        if ((i + id) % 50 == 0) {
                            // Long enough for waiters to time out and ask, so poll() really hands over here.
                            SINK.addAndGet(spin(gil, 200_000, true));
                            assertThat(gil.isHeldByCurrentThread()).isTrue();
                        }
                        if ((i + id) % 10 == 0) {
                            assertThat(io.await(0, i)).isEqualTo(i);
                            assertThat(gil.isHeldByCurrentThread()).isTrue();
                        }
                        if ((i + id) % 7 == 0) {
                            assertThat(gil.releasingDuring(() -> id)).isEqualTo(id);
                            assertThat(gil.isHeldByCurrentThread()).isTrue();
                        }
                    } finally {
                        gil.release();
                    }
                }
            });
        }
        joinAll(ts);
        assertThat(maxInside.get()).isEqualTo(1);
        assertThat(gil.holder()).isNull();
        GilStats s = gil.stats();
        assertThat(s.acquisitions()).isGreaterThanOrEqualTo((long) threads * iterations);
        assertThat(s.switches()).isPositive();
    }

    @Test
    void waiterGetsInWithinBoundedIntervalsWhileHolderPolls() throws InterruptedException {
        Gil gil = new Gil();
        AtomicBoolean stop = new AtomicBoolean();
        CountDownLatch holding = new CountDownLatch(1);
        Thread holderThread = start("cpu-holder", () -> {
            gil.acquire();
            try {
                holding.countDown();
                while (!stop.get()) {
                    SINK.addAndGet(spin(gil, 10_000, true));
                }
            } finally {
                gil.release();
            }
        });
        assertThat(holding.await(JOIN_MILLIS, TimeUnit.MILLISECONDS)).isTrue();
        gil.resetStats();

        long t0 = System.nanoTime();
        gil.acquire();
        long waited = System.nanoTime() - t0;
        try {
            assertThat(gil.isHeldByCurrentThread()).isTrue();
        } finally {
            stop.set(true);
            gil.release();
        }
        joinAll(holderThread);

        // Should be about one interval; 100 of them leaves room for a badly loaded machine.
        assertThat(waited).isLessThan(100 * Gil.DEFAULT_SWITCH_INTERVAL_NANOS);
        GilStats s = gil.stats();
        assertThat(s.dropRequests()).isGreaterThanOrEqualTo(1);
        assertThat(s.switches()).isGreaterThanOrEqualTo(1);
        assertThat(s.forcedSwitchWaits()).isGreaterThanOrEqualTo(1);
        assertThat(s.waitNanos()).isPositive();
    }

    @Test
    void withoutPollTheHolderKeepsTheLock() throws InterruptedException {
        Gil gil = new Gil();
        CountDownLatch holding = new CountDownLatch(1);
        CountDownLatch spun = new CountDownLatch(1);
        CountDownLatch letGo = new CountDownLatch(1);
        AtomicBoolean waiterGotIt = new AtomicBoolean();
        AtomicBoolean waiterGotItWhileHeld = new AtomicBoolean();
        AtomicBoolean holderReleased = new AtomicBoolean();
        Thread holderThread = start("no-poll-holder", () -> {
            gil.acquire();
            holding.countDown();
            long end = System.nanoTime() + 100_000_000L;
            // Also until the waiter has asked, so a slow-starting waiter cannot make this pass vacuously.
            while (System.nanoTime() < end || gil.stats().dropRequests() == 0) {
                SINK.addAndGet(spin(gil, 1_000, false));
            }
            assertThat(gil.isHeldByCurrentThread()).isTrue();
            spun.countDown();
            letGo.await();
            holderReleased.set(true);
            gil.release();
        });
        assertThat(holding.await(JOIN_MILLIS, TimeUnit.MILLISECONDS)).isTrue();
        Thread waiter = start("waiter", () -> {
            gil.acquire();
            waiterGotItWhileHeld.set(!holderReleased.get());
            waiterGotIt.set(true);
            gil.release();
        });
        assertThat(spun.await(JOIN_MILLIS, TimeUnit.MILLISECONDS)).isTrue();
        assertThat(waiterGotIt.get()).isFalse();
        assertThat(gil.holder()).isSameAs(holderThread);
        assertThat(gil.stats().dropRequests()).as("the waiter did ask").isPositive();

        letGo.countDown();
        joinAll(holderThread, waiter);
        assertThat(waiterGotIt.get()).isTrue();
        assertThat(waiterGotItWhileHeld.get()).isFalse();
    }

    @Test
    void blockingIoReleasesAndRetakes() throws InterruptedException {
        Gil gil = new Gil();
        CountDownLatch inIo = new CountDownLatch(1);
        CountDownLatch reply = new CountDownLatch(1);
        AtomicLong result = new AtomicLong();
        AtomicBoolean heldAfter = new AtomicBoolean();
        BlockingIo io = gil.releasing((latency, token) -> {
            inIo.countDown();
            reply.await();
            return token;
        });
        Thread ioThread = start("io", () -> {
            gil.acquire();
            try {
                result.set(io.await(1_000, 42));
                heldAfter.set(gil.isHeldByCurrentThread());
            } finally {
                gil.release();
            }
        });
        assertThat(inIo.await(JOIN_MILLIS, TimeUnit.MILLISECONDS)).isTrue();
        gil.acquire(); // would hang (and time out) if the I/O wait kept the lock
        assertThat(gil.isHeldByCurrentThread()).isTrue();
        gil.release();

        reply.countDown();
        joinAll(ioThread);
        assertThat(result.get()).isEqualTo(42);
        assertThat(heldAfter.get()).isTrue();
        assertThat(gil.holder()).isNull();
    }

    @Test
    void runtimeExceptionInIoStillRetakes() {
        Gil gil = new Gil();
        BlockingIo io = gil.releasing((latency, token) -> {
            assertThat(gil.holder()).isNull();
            throw new IllegalStateException("boom");
        });
        gil.acquire();
        try {
            assertThatThrownBy(() -> io.await(0, 1)).isInstanceOf(IllegalStateException.class).hasMessage("boom");
            assertThat(gil.isHeldByCurrentThread()).isTrue();
            assertThatThrownBy(() -> gil.releasingDuring(() -> {
                throw new IllegalArgumentException("bang");
            })).isInstanceOf(IllegalArgumentException.class);
            assertThat(gil.isHeldByCurrentThread()).isTrue();
        } finally {
            gil.release();
        }
        assertThat(gil.holder()).isNull();
    }

    @Test
    void interruptInsideIoPropagatesAndLeavesLockConsistent() throws InterruptedException {
        Gil gil = new Gil();
        CountDownLatch inIo = new CountDownLatch(1);
        AtomicReference<Throwable> thrown = new AtomicReference<>();
        AtomicBoolean heldAfterThrow = new AtomicBoolean();
        AtomicReference<Thread> holderAfterRelease = new AtomicReference<>(Thread.currentThread());
        BlockingIo io = gil.releasing((latency, token) -> {
            inIo.countDown();
            Thread.sleep(60_000);
            return token;
        });
        Thread t = start("interrupted-io", () -> {
            gil.acquire();
            try {
                io.await(0, 7);
            } catch (InterruptedException e) {
                thrown.set(e);
                heldAfterThrow.set(gil.isHeldByCurrentThread());
            } finally {
                gil.release();
            }
            holderAfterRelease.set(gil.holder());
        });
        assertThat(inIo.await(JOIN_MILLIS, TimeUnit.MILLISECONDS)).isTrue();
        t.interrupt();
        joinAll(t);
        assertThat(thrown.get()).isInstanceOf(InterruptedException.class);
        assertThat(heldAfterThrow.get()).isTrue();
        assertThat(holderAfterRelease.get()).isNull();
        gil.acquire();
        assertThat(gil.isHeldByCurrentThread()).isTrue();
        gil.release();
    }

    @Test
    void interruptWhileWaitingToAcquireIsDeferred() throws InterruptedException {
        Gil gil = new Gil();
        AtomicBoolean mainReleased = new AtomicBoolean();
        AtomicBoolean acquiredAfterRelease = new AtomicBoolean();
        AtomicBoolean interruptFlag = new AtomicBoolean();
        gil.acquire();
        Thread t;
        try {
            t = start("interrupted-waiter", () -> {
                gil.acquire();
                acquiredAfterRelease.set(mainReleased.get());
                interruptFlag.set(Thread.currentThread().isInterrupted());
                gil.release();
            });
            long deadline = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(JOIN_MILLIS);
            while (t.getState() != Thread.State.TIMED_WAITING && System.nanoTime() < deadline) {
                Thread.sleep(1);
            }
            t.interrupt();
            Thread.sleep(30); // a few intervals in which an interruptible wait would have given up
            assertThat(t.isAlive()).isTrue();
            assertThat(gil.isHeldByCurrentThread()).isTrue();
            mainReleased.set(true);
        } finally {
            gil.release();
        }
        joinAll(t);
        assertThat(acquiredAfterRelease.get()).isTrue();
        assertThat(interruptFlag.get()).isTrue();
        assertThat(gil.holder()).isNull();
    }

    @Test
    void misuseIsRejected() throws InterruptedException {
        assertThatThrownBy(() -> new Gil(0, true)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new Gil(-5, false)).isInstanceOf(IllegalArgumentException.class);

        Gil gil = new Gil();
        assertThatThrownBy(gil::release).isInstanceOf(IllegalMonitorStateException.class);
        assertThatThrownBy(() -> gil.releasing((l, t) -> t).await(0, 1))
                .isInstanceOf(IllegalMonitorStateException.class);

        gil.acquire();
        try {
            assertThatThrownBy(gil::acquire).isInstanceOf(IllegalStateException.class);
            assertThat(gil.isHeldByCurrentThread()).isTrue();
            Thread other = start("non-holder", () -> {
                assertThatThrownBy(gil::release).isInstanceOf(IllegalMonitorStateException.class);
                gil.poll(); // a non-holder's checkpoint is a no-op
            });
            joinAll(other);
            assertThat(gil.holder()).isSameAs(Thread.currentThread());
        } finally {
            gil.release();
        }
        assertThat(gil.holder()).isNull();
    }

    @Test
    void uncontendedUseCountsAcquisitionsButNoDrops() {
        Gil gil = new Gil();
        for (int i = 0; i < 10; i++) {
            gil.acquire();
            gil.poll();
            gil.release();
        }
        GilStats s = gil.stats();
        assertThat(s.acquisitions()).isEqualTo(10);
        assertThat(s.switches()).isEqualTo(1);
        assertThat(s.dropRequests()).isZero();
        assertThat(s.forcedSwitchWaits()).isZero();
        gil.resetStats();
        assertThat(gil.stats()).isEqualTo(new GilStats(0, 0, 0, 0, 0));
    }

    /**
     * Two CPU-bound threads that never release voluntarily: each must keep working until both have done their
     * share and each has regained the lock from the other several times, which only drop requests, poll() and
     * forced switching can bring about.
     */
    @Test
    void forcedSwitchingAlternatesTwoCpuBoundThreads() throws InterruptedException {
        Gil gil = new Gil(1_000_000, true);
        int units = 20, regainsWanted = 3;
        AtomicLong[] done = {new AtomicLong(), new AtomicLong()};
        AtomicLong[] regains = {new AtomicLong(), new AtomicLong()};
        Thread[] ts = new Thread[2];
        for (int k = 0; k < 2; k++) {
            int me = k, other = 1 - k;
            ts[k] = start("cpu-" + k, () -> {
                gil.acquire();
                try {
                    // Counters change only under the lock, so the holder sees a consistent picture.
                    while (done[me].get() < units || done[other].get() < units
                            || regains[me].get() < regainsWanted || regains[other].get() < regainsWanted) {
                        long otherBefore = done[other].get();
                        SINK.addAndGet(spin(gil, 20_000, true));
                        if (done[other].get() != otherBefore) {
                            regains[me].incrementAndGet();
                        }
                        done[me].incrementAndGet();
                    }
                } finally {
                    gil.release();
                }
            });
        }
        joinAll(ts);
        GilStats s = gil.stats();
        assertThat(done[0].get()).isGreaterThanOrEqualTo(units);
        assertThat(done[1].get()).isGreaterThanOrEqualTo(units);
        assertThat(s.switches()).isGreaterThanOrEqualTo(2L * regainsWanted);
        assertThat(s.dropRequests()).isGreaterThanOrEqualTo(2L * regainsWanted - 1);
        assertThat(s.forcedSwitchWaits()).isGreaterThanOrEqualTo(2L * regainsWanted - 1);
    }
}
