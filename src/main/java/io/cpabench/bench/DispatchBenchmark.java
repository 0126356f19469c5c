package io.cpabench.bench;

import io.cpabench.model.ExecutionModel;
import io.cpabench.workload.Workload;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

/**
 * What does each model cost per task before any work is done?
 *
 * <p>A burst of {@value #BATCH} empty (NOOP) tasks, handed off and waited for; the score is ns per
 * task. SEQUENTIAL is a loop and costs nanoseconds; a pool or loop hand-off a few hundred;
 * serialising (MULTI_INTERPRETER) or taking a contended GIL costs more. Subtract it from a task's cost
 * before blaming the model for a slow workload.
 *
 * <p>Hand-off costs are bistable: either the consumers keep up with the burst, park and must be woken
 * for nearly every task, or they fall behind and drain a backlog for free. Which state holds can last
 * seconds (on a 2-vCPU VM here, 3 s iterations of EVENT_LOOP ranged 274–550 ns), so these rows
 * need many more forks than throughput rows before {@code compare} can call a 2% change.
 *
 * <pre>java -jar target/benchmarks.jar DispatchBenchmark -p workers=2</pre>
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@OperationsPerInvocation(DispatchBenchmark.BATCH)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(3)
public class DispatchBenchmark {
    static final int BATCH = 1000;

    @Param
    public ExecutionModel model;

    @Param({"2"})
    public int workers;

    private Trial trial;

    @Setup(Level.Trial)
    public void setUp() {
        trial = new Trial(Workload.NOOP, Trial.MINIMAL, model, Trial.modelConfig(workers, 5000),
                BATCH);
    }

    @TearDown(Level.Trial)
    public void tearDown() {
        trial.close();
    }

    @Benchmark
    public long run() throws InterruptedException {
        return trial.runner.runBatch(trial.batch);
    }
}
