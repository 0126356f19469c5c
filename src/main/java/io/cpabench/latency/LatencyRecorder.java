package io.cpabench.latency;

import java.util.concurrent.atomic.AtomicLong;
import org.HdrHistogram.ConcurrentHistogram;
import org.HdrHistogram.Histogram;

/**
 * Records request latencies twice, as wrk2 does: <em>corrected</em>, from the moment the request was
 * meant to arrive by the schedule, and <em>uncorrected</em>, from the moment it was really sent.
 *
 * <p>The difference is coordinated omission. A load generator that waits for a stalled server sends
 * nothing during the stall, so measured from the send time only one request sees the stall and the
 * percentiles hide it; measured from the intended time every request that should have arrived during
 * the stall carries its share of it. Only the corrected histogram is published; the uncorrected one is
 * kept so that the difference can be shown (and is, in {@code LatencyRecorderTest}).
 *
 * <p>Thread-safe: completions arrive on loop, pool and virtual threads at once. Values are nanoseconds.
 */
public final class LatencyRecorder {
    private final Histogram corrected = new ConcurrentHistogram(3);
    private final Histogram uncorrected = new ConcurrentHistogram(3);
    private final AtomicLong firstIntended = new AtomicLong(Long.MAX_VALUE);
    private final AtomicLong lastDone = new AtomicLong(Long.MIN_VALUE);

    public LatencyRecorder() {
        corrected.setAutoResize(true);
        uncorrected.setAutoResize(true);
    }

    /**
     * One served request.
     *
     * @param intendedNanos when the schedule said it arrives
     * @param sentNanos when the generator really handed it to the server (≥ intended when it fell behind)
     * @param doneNanos when the server reported it finished
     */
    public void record(long intendedNanos, long sentNanos, long doneNanos) {
        corrected.recordValue(Math.max(0, doneNanos - intendedNanos));
        uncorrected.recordValue(Math.max(0, doneNanos - sentNanos));
        firstIntended.accumulateAndGet(intendedNanos, Math::min);
        lastDone.accumulateAndGet(doneNanos, Math::max);
    }

    /** Latencies from the intended arrival: what a user of a server with this schedule feels. */
    public Histogram corrected() {
        return corrected;
    }

    /** Latencies from the real send: what a closed-loop generator would report. */
    public Histogram uncorrected() {
        return uncorrected;
    }

    /**
     * The percentiles of the corrected histogram and the rate at which requests were served: served
     * requests over the time from the first intended arrival to the last completion. A server that keeps
     * up serves at the offered rate (less a latency's worth at the end); one that cannot, at what it can.
     */
    public LatencySnapshot snapshot() {
        long n = corrected.getTotalCount();
        double seconds = n == 0 ? Double.NaN : (lastDone.get() - firstIntended.get()) / 1e9;
        return LatencySnapshot.of(corrected, n == 0 ? 0 : n / seconds);
    }
}
