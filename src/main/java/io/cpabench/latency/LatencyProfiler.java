package io.cpabench.latency;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;
import org.openjdk.jmh.infra.BenchmarkParams;
import org.openjdk.jmh.infra.IterationParams;
import org.openjdk.jmh.profile.InternalProfiler;
import org.openjdk.jmh.results.AggregationPolicy;
import org.openjdk.jmh.results.IterationResult;
import org.openjdk.jmh.results.Result;
import org.openjdk.jmh.results.ScalarResult;

/**
 * Puts an open-loop benchmark's latency percentiles into JMH's results as secondary metrics with their
 * units ("ms", "req/s"), which {@code @AuxCounters} cannot do: its metrics are always counts or rates.
 *
 * <p>The benchmark {@linkplain #publish publishes} one snapshot at the end of each iteration (its
 * {@code @TearDown(Level.Iteration)}, which JMH runs before profilers' {@code afterIteration}); this
 * profiler, running in the same fork, takes it and returns it as {@link ScalarResult}s. An iteration
 * without a snapshot (any other benchmark) adds nothing, so the profiler is harmless anywhere.
 *
 * <p>The {@code run} command adds it to every JMH run; with plain JMH pass {@code -prof
 * io.cpabench.latency.LatencyProfiler}. Percentiles are per iteration and averaged over iterations
 * (and forks); {@code latency.max} is the maximum over them.
 */
public final class LatencyProfiler implements InternalProfiler {
    public static final String PREFIX = "latency.";
    private static final AtomicReference<LatencySnapshot> PENDING = new AtomicReference<>();
    private static volatile boolean active;

    public LatencyProfiler() {
        active = true;
    }

    /** Whether JMH instantiated this profiler in this JVM: benchmarks warn when it did not. */
    public static boolean active() {
        return active;
    }

    /** Hands the iteration's numbers to the profiler; the last one published before the iteration ends wins. */
    public static void publish(LatencySnapshot s) {
        PENDING.set(s);
    }

    @Override
    public String getDescription() {
        return "cpabench open-loop latency percentiles (ms) and achieved request rate (req/s)";
    }

    @Override
    public void beforeIteration(BenchmarkParams benchmarkParams, IterationParams iterationParams) {
        PENDING.set(null);
    }

    @Override
    public Collection<? extends Result> afterIteration(BenchmarkParams benchmarkParams, IterationParams iterationParams,
                                                        IterationResult result) {
        return results(PENDING.getAndSet(null));
    }

    /** The secondary metrics for one snapshot; none for null. */
    static List<ScalarResult> results(LatencySnapshot s) {
        List<ScalarResult> out = new ArrayList<>();
        if (s == null) {
            return out;
        }
        out.add(ms("p50", s.p50Ms()));
        out.add(ms("p90", s.p90Ms()));
        out.add(ms("p99", s.p99Ms()));
        out.add(ms("p99.9", s.p999Ms()));
        out.add(new ScalarResult(PREFIX + "max", s.maxMs(), "ms", AggregationPolicy.MAX));
        out.add(new ScalarResult(PREFIX + "achievedRate", s.achievedRate(), "req/s", AggregationPolicy.AVG));
        return out;
    }

    private static ScalarResult ms(String name, double value) {
        return new ScalarResult(PREFIX + name, value, "ms", AggregationPolicy.AVG);
    }
}
