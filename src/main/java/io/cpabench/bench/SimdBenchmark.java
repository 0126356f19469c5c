package io.cpabench.bench;

import io.cpabench.simd.SimdKernel;
import io.cpabench.simd.SimdOp;
import io.cpabench.simd.SimdWork;
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
 * Parallel inside one core: how much do SIMD lanes give, how much do threads add on top, and where does
 * memory bandwidth end both?
 *
 * <p>Float kernels ({@code op}: AXPY {@code y = a·x + y}, DOT {@code Σ x·y}) over arrays of {@code size}
 * floats split across {@code workers} platform threads; the score is elements per ns. {@code kernel}:
 * SCALAR is the plain loop with C2's auto-vectorisation off, AUTO_VECTOR the same loop as C2 compiles
 * it, VECTOR_API explicit lanes of the CPU's preferred width. The small size stays in cache, where lanes
 * and threads multiply; the large one is far beyond the last-level cache, where bandwidth decides.
 *
 * <p>SCALAR rows need their forks started with {@code -XX:-UseSuperWord} (the profiles' simd-scalar
 * group does that; they refuse to run without it rather than measure vectorised code):
 *
 * <pre>java -jar target/benchmarks.jar SimdBenchmark -p kernel=AUTO_VECTOR,VECTOR_API
 * java -jar target/benchmarks.jar SimdBenchmark -p kernel=SCALAR -jvmArgsAppend -XX:-UseSuperWord</pre>
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@OperationsPerInvocation(SimdWork.ELEMENTS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
// 64-byte object alignment puts every slice on a cache line (see SimdWork): the same alignment in every fork
@Fork(value = 3, jvmArgsAppend = {"--add-modules", "jdk.incubator.vector", "-XX:ObjectAlignmentInBytes=64"})
public class SimdBenchmark {
    @Param
    public SimdKernel kernel;

    @Param
    public SimdOp op;

    @Param({"4096", "16777216"})
    public int size;

    @Param({"1", "2"})
    public int workers;

    private SimdWork work;

    @Setup(Level.Trial)
    public void setUp() {
        work = SimdWork.open(kernel, op, size, workers);
    }

    /** The check again with the measured (compiled) loops: a kernel that went wrong fails its row. */
    @TearDown(Level.Trial)
    public void tearDown() {
        try {
            work.verify();
        } finally {
            work.close();
        }
    }

    @Benchmark
    public float run() {
        return work.run();
    }
}
