package io.cpabench.workload;

import java.util.concurrent.locks.ReentrantLock;
import java.util.function.LongSupplier;

/**
 * SHARED_LOCK's one lock, shared by every worker of a trial: the serial part of each task runs holding
 * it while the other workers go on with their unlocked parts, so it serves one serial part at a time.
 *
 * <p>Waiting for it is what CPython's {@code lock.acquire()} does: try without blocking first, holding
 * the GIL; only if the lock is taken, release the GIL while blocked ({@link Checkpoint#outside}) and
 * take it back once the lock is ours. Otherwise a GIL thread waiting here would keep the holder of this
 * lock from ever getting the GIL to finish: a deadlock. The serial part itself runs holding both and
 * polls the GIL as any compute does, so the GIL can pass to others while this lock stays held.
 *
 * <p>On an event loop a wait here blocks the loop thread and every task queued behind it, as a
 * {@code threading.Lock} taken inside a coroutine blocks asyncio's loop: correct (the holder is always
 * computing on some other thread, never awaiting), and one reason such code scales worse on loops.
 */
final class SharedLock {
    private final ReentrantLock lock = new ReentrantLock();

    /** Runs {@code serial} holding the lock; {@code cp} is released while waiting for it, if it must wait. */
    long hold(Checkpoint cp, LongSupplier serial) {
        if (!lock.tryLock()) {
            cp.outside(this::lockBlocking);
        }
        try {
            return serial.getAsLong();
        } finally {
            lock.unlock();
        }
    }

    private long lockBlocking() {
        lock.lock();
        return 0;
    }

    /** For the tests that hold it from outside a task. */
    ReentrantLock lock() {
        return lock;
    }
}
