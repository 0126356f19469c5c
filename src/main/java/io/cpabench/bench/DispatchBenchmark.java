package io.cpabench.bench;

import io.cpabench.model.ExecutionModel;
import io.cpabench.model.Hold;
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
 * <p>A batch of {@value #BATCH} empty (NOOP) tasks, handed off and waited for; the score is ns per
 * task. SEQUENTIAL is a loop and costs nanoseconds; a pool or loop hand-off a few hundred;
 * serialising (MULTI_INTERPRETER) or taking a contended GIL costs more. Subtract it from a task's cost
 * before blaming the model for a slow workload.
 *
 * <p>{@code regime} says how the batch meets the model's threads ({@link Regime}). BACKLOG queues it
 * while they are held and then lets them drain it: one state, the hand-off's cost when its queue never
 * empties, steady enough for {@code compare} to judge. BURST hands it to running threads, which either
 * keep up (parked, woken per task) or fall behind (draining for free) as the machine settles for seconds
 * at a time, so its fork means spread widely: a picture of a real burst, not a row to gate on.
 * VIRTUAL_THREADS runs BURST only (a waiting virtual thread frees its carrier, so none can be held).
 *
 * <p>A backlog fixes the state only for one consumer. With two, how many of them drain it at once is the
 * machine's choice again: a CompletableFuture pool's second worker either fights the first for the one
 * submission queue (≈ 300 ns a task on a 2-vCPU Xeon guest) or idles (≈ 170), fork by fork. So the
 * profiles that judge this benchmark run BACKLOG with {@code workers=1}: the hand-off's own cost.
 *
 * <pre>java -jar target/benchmarks.jar DispatchBenchmark -p workers=1 -p regime=BACKLOG</pre>
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@OperationsPerInvocation(DispatchBenchmark.BATCH)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
// A fixed, pre-touched heap: a 10 000-task batch allocates hundreds of MB a second, and while G1 grows
// its heap the first touch of each new region is page faults in the kernel, which stalled whole batches
// 4-7x (150-233 ms against 35; one iteration in ten of a fork 2-3x slower, on a 2-vCPU Xeon guest).
@Fork(value = 3, jvmArgsAppend = {"-Xms1g", "-Xmx1g", "-XX:+AlwaysPreTouch"})
public class DispatchBenchmark {
    static final int BATCH = 10_000;

    @Param
    public ExecutionModel model;

    @Param({"2"})
    public int workers;

    /** BURST by default, which every model can run; the nightly and noise profiles judge BACKLOG. */
    @Param({"BURST"})
    public Regime regime;

    private Trial trial;
    private Hold hold;

    @Setup(Level.Trial)
    public void setUp() throws InterruptedException {
        trial = new Trial(Workload.NOOP, Trial.MINIMAL, model, Trial.modelConfig(workers, 5000),
                BATCH);
        try {
            regime.prepare(trial.runner).open(); // a model that cannot be held fails here, with why
        } catch (RuntimeException | InterruptedException e) {
            trial.close();
            throw e;
        }
    }

    /** Outside the measured time: a backlog's consumers are held before each batch is queued. */
    @Setup(Level.Invocation)
    public void prepare() throws InterruptedException {
        hold = regime.prepare(trial.runner);
    }

    @TearDown(Level.Trial)
    public void tearDown() {
        trial.close();
    }

    @Benchmark
    public long run() throws InterruptedException {
        return trial.runner.runBatch(trial.batch, hold);
    }
}
