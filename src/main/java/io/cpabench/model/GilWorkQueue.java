package io.cpabench.model;

import io.cpabench.gil.Gil;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

/**
 * The work queue of a thread pool whose workers are Python threads: a worker keeps the GIL from one task
 * to the next and lets go of it only when it has to wait for work. CPython's pool workers behave so
 * because {@code queue.get()} first tries to take an item without blocking, with the GIL held, and
 * releases the GIL only around a wait that would block; between two tasks the worker's loop passes the
 * eval breaker like any Python code, so a thread that asked for the GIL gets it there. A pool that
 * dropped the GIL after every task would hand it to another thread every few hundred microseconds, where
 * CPython hands it over when a waiter has asked for it (after a switch interval) — more switches, and a
 * throughput that follows the cost of waking a thread instead of the compute it runs.
 */
final class GilWorkQueue extends LinkedBlockingQueue<Runnable> {
    private static final long serialVersionUID = 1L;

    private final transient Gil gil;

    GilWorkQueue(Gil gil) {
        this.gil = gil;
    }

    /** The next task, returned with the GIL held; the GIL is released only while the queue is empty. */
    @Override
    public Runnable take() throws InterruptedException {
        Runnable r = pollHolding();
        if (r != null) {
            return r;
        }
        r = super.take();
        gil.acquire();
        return r;
    }

    @Override
    public Runnable poll(long timeout, TimeUnit unit) throws InterruptedException {
        Runnable r = pollHolding();
        if (r != null) {
            return r;
        }
        r = super.poll(timeout, unit);
        if (r != null) {
            gil.acquire();
        }
        return r;
    }

    /** A task without waiting, for a worker that holds the GIL; otherwise null, with the GIL let go. */
    private Runnable pollHolding() {
        if (!gil.isHeldByCurrentThread()) {
            return null;
        }
        // the pool's own loop is Python code too: a thread that asked for the GIL gets it between two tasks
        gil.poll();
        Runnable r = super.poll();
        if (r == null) {
            gil.release();
        }
        return r;
    }
}
