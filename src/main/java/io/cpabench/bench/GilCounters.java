package io.cpabench.bench;

import io.cpabench.gil.Gil;
import io.cpabench.gil.GilStats;
import org.openjdk.jmh.annotations.AuxCounters;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;

/**
 * The GIL's own counters per iteration, as JMH secondary metrics, so every result file says how often
 * the lock changed hands and how long threads queued for it. Zero for models without a GIL.
 */
@State(Scope.Thread)
@AuxCounters(AuxCounters.Type.EVENTS)
public class GilCounters {
    public long gilSwitches;
    public long gilDropRequests;
    public double gilWaitMs;

    /** Set at trial setup by the benchmark; a fork runs one trial, so one slot is enough. */
    private static volatile Gil watched;

    private Gil gil;

    static void watch(Gil gil) {
        watched = gil;
    }

    @Setup(Level.Iteration)
    public void reset() {
        gil = watched;
        gilSwitches = 0;
        gilDropRequests = 0;
        gilWaitMs = 0;
        if (gil != null) {
            gil.resetStats();
        }
    }

    @TearDown(Level.Iteration)
    public void read() {
        if (gil != null) {
            GilStats s = gil.stats();
            gilSwitches = s.switches();
            gilDropRequests = s.dropRequests();
            gilWaitMs = s.waitNanos() / 1e6;
        }
    }
}
