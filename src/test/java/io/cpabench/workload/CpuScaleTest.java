package io.cpabench.workload;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assumptions.assumeThat;

import org.assertj.core.data.Offset;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The known-effect control. The build runs this class twice: as part of the normal tests (factor 1) and
 * in a second test execution with -Dcpabench.cpuScale=1.05 (see pom.xml), where ExecutionModelTest
 * also runs, so every model is checked against the reference checksum with the scaled work.
 */
class CpuScaleTest {
    /** Prime tests and trial divisions the scaled kernel makes below n: the whole counts, then the sample. */
    private static double[] cost(long n, double factor) {
        double tests = 0;
        double divisions = 0;
        java.util.List<Long> numbers = new java.util.ArrayList<>();
        for (int k = 0; k < (int) factor; k++) {
            java.util.stream.LongStream.range(2, n).forEach(numbers::add);
        }
        for (long x : CpuScale.sample(n, factor - (int) factor)) {
            numbers.add(x);
        }
        for (long x : numbers) {
            tests++;
            for (long p = 2; p * p <= x; p++) {
                divisions++;
                if (x % p == 0) {
                    break;
                }
            }
        }
        return new double[] {tests, divisions};
    }

    @ParameterizedTest
    @CsvSource({"15000, 1.05", "15000, 1.3", "2000, 1.05", "100000, 1.05", "15000, 0.5", "15000, 2.5"})
    void bothTheTestsAndTheDivisionsGrowByTheFactor(long n, double factor) {
        double[] base = cost(n, 1);
        double[] scaled = cost(n, factor);
        // whatever a machine's split between the loop and the division, the time grows by the factor
        assertThat(scaled[0] / base[0]).as("prime tests").isCloseTo(factor, Offset.offset(factor * 0.002));
        // the sampled share costs what the range costs on average, within 1% (0.1% for the 5% of 1.05)
        assertThat(scaled[1] / base[1]).as("trial divisions").isCloseTo(factor, Offset.offset(factor * 0.01));
    }

    @Test
    void factorOneIsThePlainPrimeCount() {
        assertThat(CpuScale.countPrimes(15_000, 1, Checkpoint.NONE)).isEqualTo(Kernels.countPrimes(15_000, Checkpoint.NONE));
    }

    @Test
    void aBadFactorIsRefusedWithTheValidRange() {
        for (String bad : new String[] {"fast", "0", "-1", "NaN", "Infinity", "101", ""}) {
            assertThatThrownBy(() -> CpuScale.parse(bad)).isInstanceOf(IllegalArgumentException.class)
                    .hasMessage("bad cpabench.cpuScale '" + bad + "'; valid: a number above 0 and at most 100, e.g. 1.05");
        }
        assertThat(CpuScale.parse(" 1.05 ")).isEqualTo(1.05);
    }

    @Test
    void theForksFactorComesFromTheProperty() {
        assertThat(CpuScale.factor()).isEqualTo(CpuScale.parse(System.getProperty(CpuScale.PROPERTY, "1")));
    }

    @Test
    void aScaledComputeStepRunsTheScaledKernelAndTheReferenceFollows() {
        assumeThat(CpuScale.factor()).as("only in the test execution with -Dcpabench.cpuScale").isNotEqualTo(1.0);
        Task t = new Task(3, Step.compute(15_000));
        long scaled = t.runLocal(0, null, Checkpoint.NONE);
        assertThat(scaled).isEqualTo(CpuScale.countPrimes(15_000, CpuScale.factor(), Checkpoint.NONE))
                .isNotEqualTo(Kernels.countPrimes(15_000, Checkpoint.NONE));
    }
}
