package io.cpabench.bench;

import io.cpabench.gil.Gil;
import io.cpabench.workload.Task;
import io.cpabench.workload.Workbench;
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
import org.openjdk.jmh.annotations.Threads;
import org.openjdk.jmh.annotations.Warmup;
import org.openjdk.jmh.infra.ThreadParams;

/**
 * Parallelism by the harness: do JMH's own caller threads, each running tasks inline in a closed
 * loop, scale, with and without one GIL shared by all of them?
 *
 * <p>One operation is one task. Sweep the callers with JMH's {@code -t}: with {@code lock=NONE} CPU
 * tasks scale ≈ min(threads, cores)×; with {@code lock=GIL} they stay ≈ 1× (slightly less as callers
 * are added); I/O-bound tasks scale with the callers either way, because I/O releases the GIL.
 * More callers than cores measures the OS scheduler, not the model.
 *
 * <pre>java -jar target/benchmarks.jar ThreadsBenchmark -t 2 -p lock=NONE,GIL</pre>
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(3)
@Threads(1)
public class ThreadsBenchmark {
    @Param({"CPU"})
    public Workload workload;

    @Param
    public CallerLock lock;

    @Param({"15000"})
    public long cpuSize;

    @Param({"1000"})
    public long ioMicros;

    @Param({"5000"})
    public long switchMicros;

    Workbench workbench;
    Gil gil;

    @Setup(Level.Trial)
    public void setUp() {
        workbench = workload.open(Trial.workloadConfig(cpuSize, 4096, ioMicros));
        gil = new Gil(switchMicros * 1_000, true);
        GilCounters.watch(lock == CallerLock.GIL ? gil : null);
    }

    @TearDown(Level.Trial)
    public void tearDown() {
        workbench.close();
    }

    /** Each caller owns one task, so callers share nothing but the workbench and, if asked, the GIL. */
    @State(Scope.Thread)
    public static class Caller {
        Task task;

        @Setup(Level.Trial)
        public void setUp(ThreadsBenchmark shared, ThreadParams thread) {
            task = shared.workbench.tasks(thread.getThreadIndex() + 1)[thread.getThreadIndex()];
        }
    }

    @Benchmark
    public long inline(Caller caller, GilCounters counters) throws InterruptedException {
        return lock.run(caller.task, workbench, gil);
    }
}
