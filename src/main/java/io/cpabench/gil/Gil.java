package io.cpabench.gil;

import io.cpabench.workload.BlockingIo;
import io.cpabench.workload.Checkpoint;

import java.util.Objects;
import java.util.function.LongSupplier;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Supplier;

/**
 * A global interpreter lock imitating CPython's {@code Python/ceval_gil.c} (the "new GIL" of 3.2+), so that
 * Java threads can be made to run Python-style: one at a time, handing over only at checkpoints.
 *
 * <p>A thread that cannot take the lock waits at most one <em>switch interval</em>; if the holder still has it
 * and no switch happened meanwhile, the waiter sets the <em>drop request</em>. The holder notices it at its next
 * {@link #poll()} (CPython's eval breaker), drops the lock and, with <em>forced switching</em>, waits until
 * another thread has really taken it before competing again &mdash; otherwise the dropping thread, already
 * running, would usually win it straight back. Blocking waits release the lock around the wait
 * ({@link #releasing}, CPython's {@code Py_BEGIN_ALLOW_THREADS}), which is why an I/O thread sharing the lock
 * with a CPU-bound one waits up to a switch interval after each I/O: the convoy effect.
 *
 * <p>Like the GIL it is neither reentrant nor interruptible; every wait is timed, so nothing hangs on a lost
 * signal.
 */
public final class Gil implements Checkpoint {
    public static final long DEFAULT_SWITCH_INTERVAL_NANOS = 5_000_000L;

    private final long intervalNanos;
    private final boolean forcedSwitching;

    private final ReentrantLock mutex = new ReentrantLock();
    /** Signalled when the lock is dropped: CPython's {@code gil->cond}. */
    private final Condition released = mutex.newCondition();
    /** Signalled when a thread other than the last holder takes the lock: CPython's {@code gil->switch_cond}. */
    private final Condition switched = mutex.newCondition();

    /** Volatile so that {@link #poll()} and {@link #holder()} can read it without the mutex. */
    private volatile Thread holder;
    /** The eval-breaker bit: the only thing {@link #poll()} reads when nothing is requested. */
    private volatile boolean dropRequest;

    // Guarded by mutex.
    private Thread lastHolder;
    private long switchNumber;
    private int waiters;
    private long acquisitions, switches, dropRequests, forcedSwitchWaits, waitNanos;

    /** A GIL with CPython's default 5 ms switch interval and forced switching. */
    public Gil() {
        this(DEFAULT_SWITCH_INTERVAL_NANOS, true);
    }

    public Gil(long switchIntervalNanos, boolean forcedSwitching) {
        if (switchIntervalNanos <= 0) {
            throw new IllegalArgumentException("switch interval must be positive: " + switchIntervalNanos);
        }
        this.intervalNanos = switchIntervalNanos;
        this.forcedSwitching = forcedSwitching;
    }

    /**
     * Takes the lock ({@code take_gil}), waiting as long as needed. An interrupt does not end the wait, as a
     * Python thread cannot abandon the GIL it needs to run; the interrupt flag is set again once the lock is held.
     *
     * @throws IllegalStateException if the calling thread already holds it
     */
    public void acquire() {
        if (holder == Thread.currentThread()) {
            throw new IllegalStateException("GIL is not reentrant: already held by " + Thread.currentThread());
        }
        long start = System.nanoTime();
        mutex.lock();
        try {
            take(start);
        } finally {
            mutex.unlock();
        }
    }

    /**
     * Drops the lock ({@code drop_gil}) and wakes one waiter.
     *
     * @throws IllegalMonitorStateException if the calling thread does not hold it
     */
    public void release() {
        mutex.lock();
        try {
            drop();
        } finally {
            mutex.unlock();
        }
    }

    /**
     * The eval-breaker checkpoint: one volatile read unless a waiter has asked for the lock, in which case the
     * holder drops it, lets the waiter in (forced switching) and queues up again. Does nothing for a non-holder.
     */
    @Override
    public void poll() {
        if (!dropRequest) {
            return;
        }
        if (holder != Thread.currentThread()) {
            return;
        }
        mutex.lock();
        try {
            drop();
            if (forcedSwitching) {
                awaitSwitch();
            }
        } finally {
            mutex.unlock();
        }
        // Re-taken in a separate critical section so that, without forced switching, a woken waiter at least
        // has a chance at the mutex, as it does in CPython.
        acquire();
    }

    /**
     * Wraps a blocking I/O step so that the GIL is released while it waits ({@code Py_BEGIN_ALLOW_THREADS}) and
     * taken back afterwards, whatever the step throws: the caller holds the GIL before and after.
     */
    public BlockingIo releasing(BlockingIo inner) {
        Objects.requireNonNull(inner, "inner");
        return (latencyNanos, token) -> {
            release();
            try {
                return inner.await(latencyNanos, token);
            } finally {
                acquire();
            }
        };
    }

    /** Runs a blocking, non-I/O wait (a queue take, a join) with the GIL released, and takes it back after. */
    public <T> T releasingDuring(Supplier<T> action) {
        Objects.requireNonNull(action, "action");
        release();
        try {
            return action.get();
        } finally {
            acquire();
        }
    }

    /** {@link #releasingDuring} for the workload's steps: a wait for another lock, native compute. */
    @Override
    public long outside(LongSupplier call) {
        return releasingDuring(call::getAsLong);
    }

    public boolean isHeldByCurrentThread() {
        return holder == Thread.currentThread();
    }

    /** The thread holding the lock, or {@code null} when it is free. */
    public Thread holder() {
        return holder;
    }

    public GilStats stats() {
        mutex.lock();
        try {
            return new GilStats(acquisitions, switches, dropRequests, forcedSwitchWaits, waitNanos);
        } finally {
            mutex.unlock();
        }
    }

    public void resetStats() {
        mutex.lock();
        try {
            acquisitions = switches = dropRequests = forcedSwitchWaits = waitNanos = 0;
        } finally {
            mutex.unlock();
        }
    }

    public long switchIntervalNanos() {
        return intervalNanos;
    }

    public boolean forcedSwitching() {
        return forcedSwitching;
    }

    @Override
    public String toString() {
        return "Gil[interval=" + intervalNanos + "ns, forced=" + forcedSwitching + ", holder=" + holder + "]";
    }

    /** take_gil's body; the mutex is held. */
    private void take(long start) {
        Thread me = Thread.currentThread();
        boolean interrupted = false;
        if (holder != null) {
            waiters++;
            try {
                while (holder != null) {
                    long seenSwitch = switchNumber;
                    boolean timedOut;
                    try {
                        timedOut = released.awaitNanos(intervalNanos) <= 0;
                    } catch (InterruptedException e) {
                        interrupted = true;
                        continue;
                    }
                    // A holder that kept the lock a whole interval, with nobody else getting it, is asked to drop.
                    if (timedOut && holder != null && switchNumber == seenSwitch && !dropRequest) {
                        dropRequest = true;
                        dropRequests++;
                    }
                }
            } finally {
                waiters--;
            }
        }
        holder = me;
        if (lastHolder != me) {
            lastHolder = me;
            switchNumber++;
            switches++;
        }
        // The thread that dropped on request waits for exactly this.
        switched.signalAll();
        // Whatever was requested of the previous holder has been satisfied (CPython resets it here too).
        dropRequest = false;
        acquisitions++;
        waitNanos += System.nanoTime() - start;
        if (interrupted) {
            me.interrupt();
        }
    }

    /** drop_gil's body; the mutex is held. */
    private void drop() {
        if (holder != Thread.currentThread()) {
            throw new IllegalMonitorStateException(
                    "GIL released by " + Thread.currentThread() + " but held by " + holder);
        }
        holder = null;
        released.signal();
    }

    /**
     * Forced switching: waits until some other thread has taken the lock, so the one that asked for it gets it.
     * Bounded by timed waits, and abandoned once nobody is waiting any more (then no switch will come).
     */
    private void awaitSwitch() {
        long seenSwitch = switchNumber;
        if (waiters == 0) {
            return;
        }
        forcedSwitchWaits++;
        boolean interrupted = false;
        while (switchNumber == seenSwitch && waiters > 0) {
            try {
                switched.awaitNanos(intervalNanos);
            } catch (InterruptedException e) {
                interrupted = true;
            }
        }
        if (interrupted) {
            Thread.currentThread().interrupt();
        }
    }
}
