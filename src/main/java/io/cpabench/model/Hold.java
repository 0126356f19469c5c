package io.cpabench.model;

import io.cpabench.gil.Gil;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;

/**
 * Keeps every thread that takes a model's work off its queues until {@link #open()}: a batch submitted
 * behind it is a backlog, so the consumers, once let go, drain it without ever waiting for work. That is
 * the saturated regime of a hand-off, measured alone; a burst otherwise finds the consumers either
 * keeping up (parked, woken per task) or behind (draining), whichever the machine settles into.
 *
 * <p>A held thread waits with the model's GIL released, as a Python thread blocked on a lock does, so
 * that the other threads of a GIL model can reach the hold too.
 */
public final class Hold {
    /** A model with no consumer threads of its own (SEQUENTIAL): nothing to hold. */
    public static final Hold NONE = new Hold(0, null, 1);

    // Threads reach a hold in microseconds; a loaded machine's scheduler may take some milliseconds.
    private static final long FIRST_PATIENCE_NANOS = TimeUnit.MILLISECONDS.toNanos(50);
    private static final long MAX_PATIENCE_NANOS = TimeUnit.SECONDS.toNanos(1);

    private final int threads;
    private final Gil gil;
    private final int attempt;
    private final Set<Thread> inside = ConcurrentHashMap.newKeySet();
    private volatile boolean open;

    private Hold(int threads, Gil gil, int attempt) {
        this.threads = threads;
        this.gil = gil;
        this.attempt = attempt;
    }

    /**
     * Sends one waiter through each of {@code entries}, one entry per thread to hold (a pool's queue once
     * for each of its threads, a loop once), and returns once every one of them is inside.
     *
     * <p>A ForkJoinPool wakes an idle worker when a task lands in an empty queue, and otherwise leaves it to
     * the worker that takes a task from a queue holding more; on JDK 17 that hand-on can miss, and the worker
     * that took the first waiter stays in it, so the second waits behind it with an idle worker parked (here
     * 5 holds in 3 000 on 17.0.15, none on 25; more submissions onto the non-empty queue woke no one). So a
     * hold that stalls is opened and sent again: the worker let go takes a waiter from a queue that holds
     * more and wakes the idle one as it does. The opened hold's late waiters pass straight through.
     *
     * @throws IllegalStateException when the consumers are not all inside within {@code timeout}
     */
    static Hold of(List<? extends Executor> entries, Gil gil, Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        long patience = FIRST_PATIENCE_NANOS;
        for (int attempt = 1; ; attempt++) {
            Hold hold = new Hold(entries.size(), gil, attempt);
            for (Executor e : entries) {
                e.execute(hold::stay);
            }
            long giveUp = System.nanoTime() + patience;
            if (hold.awaitInside(giveUp - deadline < 0 ? giveUp : deadline)) {
                return hold;
            }
            hold.open();
            if (System.nanoTime() - deadline >= 0) {
                throw new IllegalStateException(hold.inside.size() + " of " + hold.threads
                        + " consumer threads reached the hold within " + timeout + " (" + attempt + " attempts)");
            }
            patience = Math.min(2 * patience, MAX_PATIENCE_NANOS);
        }
    }

    private void stay() {
        if (gil != null && gil.isHeldByCurrentThread()) {
            gil.releasingDuring(() -> {
                inside.add(Thread.currentThread()); // only once the GIL is free: held means let go of it
                waitOpen();
                return null;
            });
        } else {
            inside.add(Thread.currentThread());
            waitOpen();
        }
    }

    private void waitOpen() {
        while (!open) {
            LockSupport.park(this);
            if (Thread.currentThread().isInterrupted()) {
                return; // the model is closing; its pool's shutdown interrupts the threads it stops
            }
        }
    }

    /** Whether every thread is inside by {@code deadline} (a {@link System#nanoTime()}). */
    private boolean awaitInside(long deadline) throws InterruptedException {
        while (inside.size() < threads) {
            if (System.nanoTime() - deadline >= 0) {
                return false;
            }
            TimeUnit.MICROSECONDS.sleep(50);
        }
        return true;
    }

    /** Lets every held thread go back to its queue. */
    public void open() {
        open = true;
        for (Thread t : inside) {
            LockSupport.unpark(t);
        }
    }

    /** How many threads it holds. */
    public int threads() {
        return threads;
    }

    /** Which attempt this hold was: 1 unless an earlier one stalled and was opened again. */
    public int attempt() {
        return attempt;
    }
}
