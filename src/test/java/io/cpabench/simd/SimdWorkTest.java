package io.cpabench.simd;

import io.cpabench.model.Threads;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.cpabench.machine.ForkProbe;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class SimdWorkTest {
    /** Set by the surefire execution that starts its JVM with --add-modules jdk.incubator.vector. */
    private static final boolean VECTOR_API_EXPECTED = Boolean.getBoolean("cpabench.vectorApiExpected");

    @ParameterizedTest
    @CsvSource({"AXPY, 1024, 1", "AXPY, 1024, 2", "AXPY, 1024, 3", "DOT, 1024, 1", "DOT, 4096, 2", "DOT, 1024, 3"})
    void autoVectorMatchesThePlainLoopsOnEverySplit(SimdOp op, int size, int workers) {
        try (SimdWork w = SimdWork.open(SimdKernel.AUTO_VECTOR, op, size, workers)) {
            assertThat(w.run()).isFinite();
            w.verify();
        }
        assertThat(simdThreads()).isEmpty();
    }

    @ParameterizedTest
    @CsvSource({"AXPY, 4096, 1", "AXPY, 4096, 2", "DOT, 1024, 3", "AXPY, 16777216, 2", "DOT, 64, 4"})
    void everyOperationDoesItsPassesExactlyOnceWhoeverTakesThem(SimdOp op, int size, int workers) {
        try (SimdWork w = SimdWork.open(SimdKernel.AUTO_VECTOR, op, size, workers)) {
            for (int i = 0; i < 3; i++) {
                w.run();
                int[] shares = w.lastShares();
                assertThat(shares).hasSize(workers);
                assertThat(IntStream.of(shares).min().orElseThrow()).isNotNegative();
                // each worker passes over its own slice; together the passes cover the arrays ELEMENTS / size times
                assertThat(IntStream.of(shares).sum()).as("slice-passes in operation %d", i)
                        .isEqualTo(SimdWork.ELEMENTS / size * workers);
            }
        }
        assertThat(simdThreads()).isEmpty();
    }

    @ParameterizedTest
    @CsvSource({"AXPY, 1024, 1", "AXPY, 1024, 3", "DOT, 1024, 1", "DOT, 1024, 3", "AXPY, 16, 3"})
    void vectorApiMatchesThePlainLoopsIncludingTheTails(SimdOp op, int size, int workers) {
        assumeTrue(VECTOR_API_EXPECTED, "needs the surefire execution with the incubator module");
        assertThat(SimdKernel.VECTOR_API.unavailable()).isNull();
        try (SimdWork w = SimdWork.open(SimdKernel.VECTOR_API, op, size, workers)) {
            // three workers split 1024 into slices that are not whole vectors: the scalar tails run too
            assertThat(w.run()).isFinite();
            w.verify();
        }
        assertThat(Integer.parseInt(ForkProbe.vectorApiBits())).isPositive();
    }

    @Test
    void vectorApiWithoutItsModuleSaysHowToGetIt() {
        assumeTrue(!VECTOR_API_EXPECTED);
        assertThat(SimdKernel.VECTOR_API.unavailable()).contains("--add-modules jdk.incubator.vector");
        assertThatThrownBy(() -> SimdWork.open(SimdKernel.VECTOR_API, SimdOp.AXPY, 1024, 1))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("jdk.incubator.vector");
        assertThat(ForkProbe.vectorApiBits()).isNull();
    }

    @Test
    void vectorApiKernelsThatCannotLoadAreReportedNotThrown() {
        assumeTrue(VECTOR_API_EXPECTED);
        assertThat(VectorApi.unavailable("io.cpabench.simd.NoSuchKernels")).contains("cannot load");
    }

    @Test
    void scalarRefusesToRunVectorisedCode() {
        // surefire's JVM runs with C2's SuperWord on, as a fork without the flag would
        assertThat(SimdKernel.superWord()).isEqualTo("true");
        assertThat(SimdKernel.SCALAR.unavailable()).contains("-XX:-UseSuperWord");
        assertThat(SimdKernel.SCALAR.forkArgs()).containsExactly("-XX:-UseSuperWord");
        assertThat(SimdKernel.AUTO_VECTOR.unavailable()).isNull();
        assertThatThrownBy(() -> SimdWork.open(SimdKernel.SCALAR, SimdOp.DOT, 1024, 1))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("UseSuperWord");
    }

    @Test
    void aJvmWithoutUseSuperWordRunsAutoVectorButNotScalar() {
        // ForkProbe.vmOption's null (no such flag) means the same here as in the environment file
        assertThat(SimdKernel.SCALAR.unavailable(null)).contains("no UseSuperWord flag");
        assertThat(SimdKernel.AUTO_VECTOR.unavailable(null)).isNull();
        assertThat(SimdKernel.SCALAR.unavailable("false")).isNull();
        assertThat(SimdKernel.AUTO_VECTOR.unavailable("false")).contains("-XX:-UseSuperWord");
    }

    @ParameterizedTest
    @CsvSource({"4096, 1", "4096, 2", "1024, 3", "16, 3"})
    void workersGetTheWholeSizeInSlicesThatNeverShareACacheLine(int size, int workers) {
        try (SimdWork w = SimdWork.open(SimdKernel.AUTO_VECTOR, SimdOp.AXPY, size, workers)) {
            int[] s = w.slices();
            assertThat(s).hasSize(2 * workers);
            int total = 0;
            for (int i = 0; i < workers; i++) {
                total += s[2 * i + 1] - s[2 * i];
                if (i > 0) {
                    // 64-byte lines hold 16 floats: a gap of 16 or more keeps two writers off one line
                    assertThat(s[2 * i] - s[2 * i - 1]).isGreaterThanOrEqualTo(16);
                }
            }
            assertThat(total).isEqualTo(size);
        }
    }

    @ParameterizedTest
    @CsvSource({"4096, 1", "4096, 2", "4096, 3", "16777216, 6"})
    void everySliceStartsOnACacheLineOfAnArrayThatStartsOnOne(int size, int workers) {
        // with -XX:ObjectAlignmentInBytes=64 an array's header starts a line, so its data does at base offset 0 mod 64
        try (SimdWork w = SimdWork.open(SimdKernel.AUTO_VECTOR, SimdOp.DOT, size, workers)) {
            int[] s = w.slices();
            for (int i = 0; i < workers; i++) {
                assertThat((sun.misc.Unsafe.ARRAY_FLOAT_BASE_OFFSET + Float.BYTES * (long) s[2 * i]) % 64).as("slice " + i).isZero();
            }
        }
    }

    @Test
    void badSizesAreRefused() {
        assertThatThrownBy(() -> SimdWork.open(SimdKernel.AUTO_VECTOR, SimdOp.AXPY, 1000, 1))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("power of two");
        assertThatThrownBy(() -> SimdWork.open(SimdKernel.AUTO_VECTOR, SimdOp.AXPY, SimdWork.ELEMENTS * 2, 1))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> SimdWork.open(SimdKernel.AUTO_VECTOR, SimdOp.AXPY, 2, 4))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void theChecksCatchAWrongKernel() {
        float[] expected = {1f, 2f, 3f};
        assertThatThrownBy(() -> SimdCheck.sameBits(new float[] {1f, 2f, Math.nextUp(3f)}, expected))
                .hasMessageContaining("element 2");
        float[] x = new float[1000];
        float[] y = new float[1000];
        java.util.Arrays.fill(x, 0.1f);
        java.util.Arrays.fill(y, 0.3f);
        double exact = 1000 * (double) 0.1f * 0.3f;
        // a reordered float sum stays within n·u·Σ|xy|; an error of 1% does not
        SimdCheck.withinReorderBound((float) exact, x, y, new int[] {0, 1000});
        assertThatThrownBy(() -> SimdCheck.withinReorderBound((float) (exact * 1.01), x, y, new int[] {0, 1000}))
                .hasMessageContaining("reordering bound");
    }

    private static List<String> simdThreads() {
        return Thread.getAllStackTraces().keySet().stream().filter(Thread::isAlive).map(Thread::getName)
                .filter(n -> n.startsWith(Threads.PREFIX + SimdWork.THREAD_ROLE + "-")).collect(Collectors.toList());
    }
}
