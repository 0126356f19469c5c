package io.cpabench.latency;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** Synthetic intended/sent/done times: deterministic, no clock involved. */
class LatencyRecorderTest {
    private static final long MS = 1_000_000;

    /**
     * 10 000 requests due every 1 ms, each served in 0.1 ms, by a server that stalls 200 ms once. The
     * generator is coordinated with the server (as a closed-loop one is): it sends nothing during the
     * stall and sends the overdue requests when the stall ends. From the send time one request sees the
     * stall and the p99 stays 0.1 ms; from the due time the 200 requests due during the stall wait up to
     * 200 ms, 2% of all, and the p99 moves to about 100 ms (110 here: the backlog drains at 0.1 ms a request).
     */
    @Test
    void aStallMovesTheCorrectedP99AndNotTheUncorrectedOne() {
        LatencyRecorder r = new LatencyRecorder();
        long stallStart = 5_000 * MS;
        long stallEnd = stallStart + 200 * MS;
        long serverFree = 0;
        for (int i = 0; i < 10_000; i++) {
            long due = i * MS;
            long sent = Math.max(due, serverFree);
            long begin = sent;
            long done;
            if (i == 5_000) {
                done = stallEnd + MS / 10; // this request is the one the server stalled on
            } else {
                done = begin + MS / 10;
            }
            serverFree = done;
            r.record(due, i == 5_000 ? due : sent, done);
        }
        double uncorrectedP99 = r.uncorrected().getValueAtPercentile(99) / 1e6;
        double correctedP99 = r.corrected().getValueAtPercentile(99) / 1e6;
        assertThat(uncorrectedP99).isLessThan(0.2);
        assertThat(correctedP99).isBetween(80.0, 130.0);
        // Both saw the one 200 ms request: the maximum alone cannot tell them apart.
        assertThat(r.uncorrected().getMaxValue() / 1e6).isGreaterThan(199.0);
        assertThat(r.corrected().getMaxValue() / 1e6).isGreaterThan(199.0);
        assertThat(r.snapshot().p99Ms()).isEqualTo(correctedP99);
    }

    @Test
    void achievedRateIsServedOverFirstDueToLastDone() {
        LatencyRecorder r = new LatencyRecorder();
        // 100 requests due every 10 ms from t=1 s, all answered by a server that only finishes at t=3 s.
        for (int i = 0; i < 100; i++) {
            long due = 1_000 * MS + i * 10 * MS;
            r.record(due, due, 3_000 * MS);
        }
        LatencySnapshot s = r.snapshot();
        assertThat(s.count()).isEqualTo(100);
        assertThat(s.achievedRate()).isEqualTo(50.0); // 100 requests in 2 s, not the 100/s offered
        assertThat(s.maxMs()).isBetween(1999.0, 2001.0);
        assertThat(s.p50Ms()).isLessThanOrEqualTo(s.p90Ms()).isLessThanOrEqualTo(s.p99Ms());
    }

    @Test
    void emptyRecorderHasNoRate() {
        assertThat(new LatencyRecorder().snapshot().achievedRate()).isZero();
    }
}
