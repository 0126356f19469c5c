package io.cpabench.workload;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.LongAdder;

/**
 * SHARED_COUNTER's shared state: the primes every task finds are counted, one update per prime, into
 * counters laid out by {@link Sharing}. Per-worker counters sit in 64-byte-aligned direct memory, so
 * "alone on a line" and "packed on one line" are what the layout says, whatever the JVM does with
 * heap objects; a worker is a thread, numbered on its first update.
 *
 * <p>The counters are checked by the tasks themselves: after its updates a task commits how many it
 * made, then reads the counters' total, which can only be at least every commit it has seen (each
 * commit comes after that task's updates). A shortfall is a lost update, and it goes into the task's
 * result, so the batch's checksum comes out wrong; the last task of every batch, when nothing else is
 * counting, always sees one.
 */
final class SharedCounters {
    private static final VarHandle LONGS = MethodHandles.byteBufferViewVarHandle(long[].class, ByteOrder.nativeOrder());
    private static final int LINE = 64;
    /** NONE: a slot per worker up to this many, two lines apart (more workers share slots, atomically). */
    static final int SLOTS = 64;
    private static final int PADDED = 2 * LINE;
    /** FALSE_SHARING: eight longs, one line. */
    static final int PACKED = LINE / Long.BYTES;

    /** Adds one to the counter the calling worker updates. */
    @FunctionalInterface
    private interface Tally {
        void add();
    }

    private final Sharing sharing;
    private final ByteBuffer slots = ByteBuffer.allocateDirect(SLOTS * PADDED + LINE).alignedSlice(LINE);
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
     * for each; returns the count, less any shortfall the counters show afterwards.
     */
    long countPrimes(long n, Checkpoint cp) {
        Tally tally = tally();
        long count = 0;
        for (long i = 2; i < n; i++) {
            if ((i & (Kernels.CHECK_EVERY - 1)) == 0) {
                cp.poll();
            }
            if (Kernels.isPrime(i)) {
                count++;
                tally.add();
            }
        }
        long seen = committed.addAndGet(count);
        return count + Math.min(0, total() - seen);
    }

    private Tally tally() {
        switch (sharing) {
            case NONE:
                return slot(worker.get() % SLOTS * PADDED);
            case FALSE_SHARING:
                return slot(worker.get() % PACKED * Long.BYTES);
            case ATOMIC:
                return one::getAndIncrement;
            case ADDER:
                return adder::increment;
            default:
                throw new IllegalStateException("unknown sharing " + sharing);
        }
    }

    private Tally slot(int offset) {
        return () -> LONGS.getAndAdd(slots, offset, 1L);
    }

    /** Every update made so far, read after the commits the caller has seen. */
    long total() {
        switch (sharing) {
            case NONE:
                return sumSlots(SLOTS, PADDED);
            case FALSE_SHARING:
                return sumSlots(PACKED, Long.BYTES);
            case ATOMIC:
                return one.get();
            default:
                return adder.sum();
        }
    }

    private long sumSlots(int count, int stride) {
        long sum = 0;
        for (int i = 0; i < count; i++) {
            sum += (long) LONGS.getVolatile(slots, i * stride);
        }
        return sum;
    }

    /** For the test that shows a lost update failing the checksum: claims one update the counters never got. */
    void loseOneUpdate() {
        committed.incrementAndGet();
    }
}
