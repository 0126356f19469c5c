package io.cpabench.bench;

import io.cpabench.latency.LatencyProfiler;
import io.cpabench.latency.OpenLoopDriver;
import io.cpabench.model.ExecutionModel;
import io.cpabench.workload.ComputeCalibration;
import io.cpabench.workload.Step;
import io.cpabench.workload.Task;
import io.cpabench.workload.Workload;
import java.time.Duration;
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
import org.openjdk.jmh.infra.IterationParams;

/**
 * What latency do users of a server see when each request waits on I/O and then computes, and the
 * compute runs on an event loop, is offloaded, is offloaded under one GIL, or runs on threads?
 *
 * <p>Requests arrive on a fixed schedule ({@code rate} per second, open loop); each waits {@code ioMs}
 * on non-blocking or blocking I/O, as the model does it, then counts primes for about {@code cpuMs}
 * (the bound is calibrated at trial setup on this machine), as a request handler that validates an
 * order would look it up (the wait) and then check it against patterns (the compute; the MIXED workload
 * is the same order-validation scenario as a batch). Latency is measured from each request's <em>intended</em> arrival (wrk2's correction for
 * coordinated omission) into an HdrHistogram; p50, p90, p99, p99.9 and max (ms) and the achieved rate
 * (req/s: requests served over the time from the first due arrival to the last answer) go into the JMH
 * result as secondary metrics {@code ·latency.*} with their units, added by {@link LatencyProfiler}
 * (the {@code run} command adds it; with plain JMH pass {@code -prof io.cpabench.latency.LatencyProfiler}).
 *
 * <p>How the open loop lives inside JMH: the benchmark thread is the load generator. Each invocation
 * of {@link #run} parks until the next request is due and submits it without waiting for an answer,
 * so the primary score (ops/s) is the arrival rate the generator achieved, a check that it kept the
 * schedule. Each iteration starts a fresh schedule and histogram ({@code @Setup(Level.Iteration)});
 * its {@code @TearDown} waits, outside the measured time, until every request of the iteration is
 * answered, so a backlog is charged to the iteration that built it and never leaks into the next.
 * A generator thread per iteration would have left JMH's own score meaningless and its iteration end
 * unrelated to the schedule.
 *
 * <p>Defaults on 2 cores with {@code cpuMs=1}: {@code rate=500} offers half a core of compute, and
 * every model keeps the schedule (achieved ≥ 99% of offered, p99 a few ms). {@code rate=1400} offers
 * 1.4 cores: one loop computing inline (EVENT_LOOP, asyncio without {@code to_thread}) cannot keep up,
 * the backlog grows all iteration and its p99 is hundreds of ms; offloading to a pool of {@code cores}
 * threads keeps p99 within a few ms; offloading under one GIL (GIL_EVENT_LOOP_OFFLOAD, asyncio's
 * {@code to_thread} in CPython) buys nothing, and its p99 grows like EVENT_LOOP's. Platform and virtual
 * threads keep up. On more cores, scale {@code rate} so {@code rate × cpuMs / 1000} is about 0.7× cores.
 *
 * <p>{@code workers=0} sizes each model as a server on this machine would be
 * ({@link ExecutionModel#serverWorkers}): 1 loop for EVENT_LOOP,
 * {@code cores} offload threads or carriers, {@code 16 × cores} platform threads (one per request in
 * flight, since each blocks on its I/O).
 *
 * <pre>java -jar target/benchmarks.jar run -- -p rate=1400   (the quick profile's latency group)
 * java -jar target/benchmarks.jar LoopLatencyBenchmark -p rate=1400 -prof io.cpabench.latency.LatencyProfiler</pre>
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 1, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(value = 2, jvmArgsAppend = {"-Xmx1g"})
@Threads(1)
public class LoopLatencyBenchmark {
    /** Requests cycle through this many distinct tasks (distinct checksums catch mixed-up answers). */
    static final int DISTINCT_TASKS = 64;

    @Param({"EVENT_LOOP", "EVENT_LOOP_OFFLOAD", "GIL_EVENT_LOOP_OFFLOAD", "VIRTUAL_THREADS", "PLATFORM_THREADS"})
    public ExecutionModel model;

    /** Requests per second offered. */
    @Param({"500", "1400"})
    public double rate;

    @Param({"1"})
    public double ioMs;

    /** Compute per request, on one uncontended core. */
    @Param({"1"})
    public double cpuMs;

    /** 0 = the model's natural size for a server on this machine (see the class comment). */
    @Param({"0"})
    public int workers;

    @Param({"5000"})
    public long switchMicros;

    private Trial trial;
    private OpenLoopDriver driver;
    private Duration drainTimeout;

    @Setup(Level.Trial)
    public void setUp() {
        int cores = Runtime.getRuntime().availableProcessors();
        int w = workers > 0 ? workers : model.serverWorkers(cores);
        long bound = ComputeCalibration.primeBoundFor(Math.round(cpuMs * 1e6));
        Task[] tasks = new Task[DISTINCT_TASKS];
        for (int k = 0; k < tasks.length; k++) {
            tasks[k] = new Task(k, Step.io(Math.round(ioMs * 1e6)), Step.compute(bound));
        }
        trial = new Trial(Workload.IO_SLEEP, Trial.MINIMAL, model, Trial.modelConfig(w, switchMicros), wb -> tasks);
        try {
            GilCounters.watch(trial.runner.gil());
            long[] expected = new long[DISTINCT_TASKS];
            for (int k = 0; k < tasks.length; k++) {
                expected[k] = trial.workbench.referenceChecksum(new Task[] {tasks[k]});
            }
            driver = new OpenLoopDriver(trial.runner::submit, tasks, expected, rate);
        } catch (RuntimeException e) {
            tearDown();
            throw e;
        }
        System.out.printf(Locale.ROOT, "# %s workers=%d, compute step = primes below %d (≈ %.2f ms), offered compute ≈ %.2f cores%n",
                model, w, bound, cpuMs, rate * cpuMs / 1000);
        if (!LatencyProfiler.active()) {
            System.out.println("# latency percentiles are not recorded: add -prof " + LatencyProfiler.class.getName());
        }
    }


    @Setup(Level.Iteration)
    public void startSchedule(IterationParams iteration) {
        // An over-loaded model needs a fraction of the iteration to work off its backlog; a hung one never does.
        drainTimeout = Duration.ofSeconds(10).plusMillis(3 * iteration.getTime().convertTo(TimeUnit.MILLISECONDS));
        driver.startIteration();
    }

    /** Outside the measured time: every request of the iteration answered, then its numbers published. */
    @TearDown(Level.Iteration)
    public void drain() throws InterruptedException {
        LatencyProfiler.publish(driver.endIteration(drainTimeout));
    }

    @TearDown(Level.Trial)
    public void tearDown() {
        trial.close();
    }

    /** One arrival: wait for its due time, hand it to the model, do not wait for the answer. */
    @Benchmark
    public long run(GilCounters counters) {
        return driver.arrive();
    }
}
