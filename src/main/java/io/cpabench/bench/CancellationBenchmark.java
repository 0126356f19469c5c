package io.cpabench.bench;

import io.cpabench.workload.ComputeCalibration;
import java.util.Locale;
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

/**
 * How long after a cancel request does the work really stop, for each way of running it?
 *
 * <p>Each invocation cancels one unit of work that {@code @Setup(Level.Invocation)} started (and saw
 * running), and returns once the work has really stopped, so the score (SampleTime, ms) is exactly
 * "cancel requested → work stopped"; the start is outside the measured time. The compute is a prime
 * count calibrated to about {@code cpuMs}; a blocked case waits {@code ioMs}. The return value (true = cut
 * short) goes to JMH.
 *
 * <p>Expected: PLATFORM_THREAD_CHECKS_INTERRUPT and VIRTUAL_THREAD_BLOCKED stop within tens of
 * microseconds (well under 1 ms). PLATFORM_THREAD_IGNORES_INTERRUPT and VIRTUAL_THREAD_COMPUTING run to
 * the end (an interrupt is only a flag, and nothing preempts a computing virtual thread): ≈ cpuMs.
 * COMPLETABLE_FUTURE: {@code cancel(true)} marks the future cancelled at once but does not interrupt the
 * running stage, which goes on to its end: ≈ cpuMs, and anything waiting on the future was told
 * "cancelled" while the CPU was still spent. EVENT_LOOP: an asyncio-style task is cancelled at its next
 * await, i.e. after the rest of its current compute step: ≈ cpuMs (asyncio's CancelledError is
 * delivered the same way). VIRTUAL_THREAD_* need JDK 21+ and are skipped with the reason on 17.
 *
 * <pre>java -jar target/benchmarks.jar CancellationBenchmark -p cpuMs=5</pre>
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.SampleTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 2, time = 1)
@Measurement(iterations = 3, time = 1)
@Fork(1)
@Threads(1)
public class CancellationBenchmark {
    @Param
    public CancelCase work;

    /** Compute per task, on one uncontended core: the time a task that cannot be stopped costs. */
    @Param({"5"})
    public double cpuMs;

    /** How long a blocked task would wait if never interrupted. */
    @Param({"100"})
    public double ioMs;

    private CancelTarget target;

    @Setup(Level.Trial)
    public void setUp() {
        long bound = ComputeCalibration.primeBoundFor(Math.round(cpuMs * 1e6));
        target = work.openChecked(bound, Math.round(ioMs * 1e6));
        System.out.printf(Locale.ROOT, "# %s: compute = primes below %d (≈ %.2f ms)%n", work, bound, cpuMs);
    }

    /** Not measured: the work is started and seen running before each cancel. */
    @Setup(Level.Invocation)
    public void start() throws InterruptedException {
        target.start();
    }

    @TearDown(Level.Trial)
    public void tearDown() {
        if (target != null) {
            target.close();
        }
    }

    /** Cancel request → the work has really stopped. */
    @Benchmark
    public boolean cancel() throws InterruptedException {
        return target.cancelAndAwaitStop();
    }
}
