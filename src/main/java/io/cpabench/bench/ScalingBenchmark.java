package io.cpabench.bench;

import io.cpabench.model.ExecutionModel;
import io.cpabench.workload.Sharing;
import io.cpabench.workload.Workload;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Where does each execution model scale on each workload, and where does it stop?
 *
 * <p>One operation is one batch of {@code tasks} tasks, so tasks/s = score × tasks. Every model runs
 * the same tasks and returns the same checksum (checked at setup). Compare a row with SEQUENTIAL on
 * the same workload: CPU on PLATFORM_THREADS, FORK_JOIN or MULTI_INTERPRETER ≈ min(workers, cores)×;
 * GIL_THREADS ≈ 1× or a little less (concurrent, not parallel); IO_SLEEP on VIRTUAL_THREADS,
 * EVENT_LOOP, COMPLETABLE_FUTURE ≈ tasks× (every wait overlapped), on thread pools ≈ workers×.
 * SHARED_LOCK ≤ min(workers, 100/serialPercent)×; SHARED_COUNTER with FALSE_SHARING or ATOMIC below
 * NONE on separate cores, ADDER ≈ NONE; NATIVE on GIL_THREADS ≈ PLATFORM_THREADS (it releases the GIL).
 *
 * <pre>java -jar target/benchmarks.jar ScalingBenchmark -p workload=CPU -p model=SEQUENTIAL,GIL_THREADS -p workers=2</pre>
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(value = 3, jvmArgsAppend = {"-Xmx3g"})
public class ScalingBenchmark {
    @Param
    public Workload workload;

    @Param
    public ExecutionModel model;

    @Param({"1", "2", "4"})
    public int workers;

    @Param({"64"})
    public int tasks;

    /** Primes are counted below this: ≈ 0.5–1 ms per CPU task on a current core. */
    @Param({"15000"})
    public long cpuSize;

    @Param({"4096"})
    public long memKiB;

    @Param({"1000"})
    public long ioMicros;

    /** SHARED_LOCK: the share of each task's compute that runs holding the trial's one lock, 0–100. */
    @Param({"50"})
    public int serialPercent;

    /** SHARED_COUNTER: where the counters every number tested is added to live. */
    @Param({"NONE"})
    public Sharing sharing;

    /** CPython's default switch interval. */
    @Param({"5000"})
    public long switchMicros;

    private Trial trial;

    @Setup(Level.Trial)
    public void setUp() {
        trial = new Trial(workload, Trial.workloadConfig(cpuSize, memKiB, ioMicros, serialPercent, sharing), model,
                Trial.modelConfig(workers, switchMicros), tasks);
        GilCounters.watch(trial.runner.gil());
    }

    @TearDown(Level.Trial)
    public void tearDown() {
        trial.close();
    }

    /** One batch, every task exactly once; the checksum goes back to JMH so nothing is dead code. */
    @Benchmark
    public long run(GilCounters counters) throws InterruptedException {
        return trial.runner.runBatch(trial.batch);
    }
}
