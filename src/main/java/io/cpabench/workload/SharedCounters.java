package io.cpabench.workload;

import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicIntegerArray;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.LongAdder;

/**
 * SHARED_COUNTER's shared state: every number a task tests for primality is counted, one update each,
 * into counters laid out by {@link Sharing}. Every layout makes the same atomic add ({@code lock xadd}), so
 * rows differ only in where the adds meet. Per-worker counters are ints of one AtomicIntegerArray (a
 * VarHandle called with a type other than its own, e.g. its result dropped, runs a slow generic path:
 * measured 30% slower per update than AtomicLong at one worker): NONE's are 128 bytes apart (two lines, so
 * the adjacent-line prefetcher does not pair them), FALSE_SHARING's are adjacent, and since an array's
 * ints start 16 bytes into an 8-byte-aligned object, the first two workers' counters always share a
 * line (eight of them at most two). A worker is a thread, numbered on its first update.
 *
 * <p>Ints because adjacent longs would straddle two lines for one allocation in eight; they wrap, so
 * their total is compared modulo 2³² (the counts in flight are far below 2³¹).
 *
 * <p>The counters are checked by the tasks themselves: after its updates a task commits how many it
 * made, then reads the counters' total, which can only be at least every commit it has seen (each
 * commit comes after that task's updates). A shortfall is a lost update, and it goes into the task's
 * result, so the batch's checksum comes out wrong; the last task of every batch, when nothing else is
 * counting, always sees one.
 */
final class SharedCounters {
    /** NONE: a slot per worker up to this many (more workers share slots, atomically). */
    static final int SLOTS = 64;
    /** NONE: ints between two workers' counters: 128 bytes. */
    private static final int SPREAD = 32;
    /** FALSE_SHARING: eight ints, 32 bytes. */
    static final int PACKED = 8;

    /** Adds one to the counter the calling worker updates. */
    @FunctionalInterface
    private interface Tally {
        void add();
    }

    private final Sharing sharing;
    private final AtomicIntegerArray slots = new AtomicIntegerArray(SLOTS * SPREAD);
    private final AtomicLong one = new AtomicLong();
    private final LongAdder adder = new LongAdder();
    private final AtomicLong committed = new AtomicLong();
    private final AtomicInteger workersSeen = new AtomicInteger();
    private final ThreadLocal<Integer> worker = ThreadLocal.withInitial(workersSeen::getAndIncrement);

    SharedCounters(Sharing sharing) {
        this.sharing = sharing;
    }

    /**
     * Counts the primes in [2, n) as {@link Kernels#countPrimes} does, adding one to the shared counter
     * for every number tested (a unit of its compute, ≈ 30 ns on average: often enough that moving a
     * line between cores at each update shows); returns the count, less any shortfall the counters show
     * afterwards.
     */
    long countPrimes(long n, Checkpoint cp) {
        Tally tally = tally();
        long count = 0;
        for (long i = 2; i < n; i++) {
            if ((i & (Kernels.CHECK_EVERY - 1)) == 0) {
                cp.poll();
            }
            tally.add();
            if (Kernels.isPrime(i)) {
                count++;
            }
        }
        return count + shortfall(committed.addAndGet(Math.max(0, n - 2)));
    }

    private Tally tally() {
        switch (sharing) {
            case NONE:
                return slot(worker.get() % SLOTS * SPREAD);
            case FALSE_SHARING:
                return slot(worker.get() % PACKED);
            case ATOMIC:
                return one::getAndIncrement;
            case ADDER:
                return adder::increment;
            default:
                throw new IllegalStateException("unknown sharing " + sharing);
        }
    }

    private Tally slot(int index) {
        return () -> slots.getAndIncrement(index);
    }

    /** 0, or minus the updates missing from the counters when {@code seen} have been committed. */
    long shortfall(long seen) {
        switch (sharing) {
            case NONE:
                return Math.min(0, sumSlots(SLOTS, SPREAD) - (int) seen);
            case FALSE_SHARING:
                return Math.min(0, sumSlots(PACKED, 1) - (int) seen);
            case ATOMIC:
                return Math.min(0, one.get() - seen);
            default:
                return Math.min(0, adder.sum() - seen);
        }
    }

    /** The slots' sum modulo 2³², read after the commits the caller has seen. */
    private int sumSlots(int count, int stride) {
        int sum = 0;
        for (int i = 0; i < count; i++) {
            sum += slots.get(i * stride);
        }
        return sum;
    }

    /** For the test that shows a lost update failing the checksum: claims one update the counters never got. */
    void loseOneUpdate() {
        committed.incrementAndGet();
    }
}
