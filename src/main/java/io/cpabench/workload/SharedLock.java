package io.cpabench.workload;

import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.LongSupplier;

/**
 * SHARED_LOCK's one lock, shared by every worker of a trial: the serial part of each task runs holding
 * it while the other workers go on with their unlocked parts, so it serves one serial part at a time.
 *
 * <p>Waiting for it is what CPython's {@code lock.acquire()} does: try without blocking first, holding
 * the GIL; only if the lock is taken, release the GIL while waiting ({@link Checkpoint#outside}) and take
 * it back once the lock is ours. Otherwise a GIL thread waiting here would keep the holder of this lock
 * from ever getting the GIL to finish: a deadlock. The serial part itself runs holding both and polls the
 * GIL as any compute does, so the GIL can pass to others while this lock stays held.
 *
 * <p>A waiter spins before it parks, for up to twice the recent hold time, while a core is left for the
 * holder (HotSpot's monitors and glibc's adaptive mutexes do the same). Why: on a 2-vCPU guest a parked
 * thread takes some 0.1 ms to wake (its vCPU idles in the hypervisor), and a lock whose waiter sleeps
 * loses that at every hand-over, or is taken back by the releasing thread before the waiter wakes: at
 * 75% serial, 2 workers measured 1.02× one worker where the lock allows 1.33×. With the spin the lock
 * hands over as a lock should and the curve shows the lock, not the hypervisor.
 *
 * <p>On an event loop a wait here blocks the loop thread and every task queued behind it, as a
 * {@code threading.Lock} taken inside a coroutine blocks asyncio's loop: correct (the holder is always
 * computing on some other thread, never awaiting), and one reason such code scales worse on loops.
 */
final class SharedLock {
    private static final int CORES = Runtime.getRuntime().availableProcessors();

    private final ReentrantLock lock = new ReentrantLock();
    private final AtomicInteger spinners = new AtomicInteger();
    /** A running average of how long the lock is held; written by the holder only. */
    private volatile long holdNanos = 100_000;

    /** Runs {@code serial} holding the lock; {@code cp} is released while waiting for it, if it must wait. */
    long hold(Checkpoint cp, LongSupplier serial) {
        if (!lock.tryLock()) {
            cp.outside(this::await);
        }
        long start = System.nanoTime();
        try {
            return serial.getAsLong();
        } finally {
            holdNanos = (7 * holdNanos + (System.nanoTime() - start)) / 8;
            lock.unlock();
        }
    }

    private long await() {
        if (spinners.incrementAndGet() < CORES && spin()) {
            spinners.decrementAndGet();
            return 0;
        }
        spinners.decrementAndGet();
        lock.lock();
        return 0;
    }

    /** True once the lock is ours; false when two hold times went by without it. */
    private boolean spin() {
        long deadline = System.nanoTime() + 2 * holdNanos;
        do {
            if (!lock.isLocked() && lock.tryLock()) {
                return true;
            }
            Thread.onSpinWait();
        } while (System.nanoTime() < deadline);
        return false;
    }

    /** For the tests that hold it from outside a task. */
    ReentrantLock lock() {
        return lock;
    }
}
