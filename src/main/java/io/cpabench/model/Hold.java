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
    public static final Hold NONE = new Hold(0, null);

    private final int threads;
    private final Gil gil;
    private final Set<Thread> inside = ConcurrentHashMap.newKeySet();
    private volatile boolean open;

    private Hold(int threads, Gil gil) {
        this.threads = threads;
        this.gil = gil;
    }

    /**
     * Sends one waiter through each of {@code entries}, one entry per thread to hold (a pool's queue once
     * for each of its threads, a loop once), and returns once every one of them is inside.
     *
     * @throws IllegalStateException when the consumers are not all inside within {@code timeout}
     */
    static Hold of(List<? extends Executor> entries, Gil gil, Duration timeout) throws InterruptedException {
        Hold hold = new Hold(entries.size(), gil);
        for (Executor e : entries) {
            e.execute(hold::stay);
        }
        hold.awaitInside(timeout);
        return hold;
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

    private void awaitInside(Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (inside.size() < threads) {
            if (System.nanoTime() > deadline) {
                open();
                throw new IllegalStateException(
                        inside.size() + " of " + threads + " consumer threads reached the hold within " + timeout);
            }
            TimeUnit.MICROSECONDS.sleep(50);
        }
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
}
