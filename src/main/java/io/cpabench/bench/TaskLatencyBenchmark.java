package io.cpabench.bench;

import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Warmup;

/**
 * How long does one batch of tasks take on each model, and how widely does that vary?
 *
 * <p>{@link ScalingBenchmark}'s batch (same parameters, same tasks, same checksum check) in JMH's
 * {@code SampleTime} mode: the primary result is the distribution of per-batch times in ms, with
 * p50…p99.99 and max in the result file. Say it plainly: this is <b>service time under a closed
 * loop</b>. The next batch starts only when the previous one has finished, so a slow batch delays the
 * ones after it instead of queueing them, and no batch waits for another: it shows how long the
 * work itself takes and how much that varies, never the latency a user of a loaded server sees (that
 * is {@link LoopLatencyBenchmark}, open loop, measured from the intended arrival).
 *
 * <p>Expected: on CPU, GIL_THREADS' batches take about as long as SEQUENTIAL's and PLATFORM_THREADS'
 * about 1/min(workers, cores) of it, each with a narrow spread; a wide p99/p50 ratio marks a model
 * whose scheduling is itself unsteady (the GIL's switch interval, a busy machine).
 *
 * <pre>java -jar target/benchmarks.jar TaskLatencyBenchmark -p workload=CPU -p model=SEQUENTIAL,GIL_THREADS,PLATFORM_THREADS -p workers=2</pre>
 */
@BenchmarkMode(Mode.SampleTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(value = 3, jvmArgsAppend = {"-Xmx3g"})
public class TaskLatencyBenchmark extends ScalingBenchmark {
}
