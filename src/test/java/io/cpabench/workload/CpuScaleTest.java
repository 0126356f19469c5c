package io.cpabench.workload;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assumptions.assumeThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The known-effect control. The build runs this class twice: as part of the normal tests (factor 1) and
 * in a second test execution with -Dcpabench.cpuScale=1.05 (see pom.xml), where ExecutionModelTest
 * also runs, so every model is checked against the reference checksum with the scaled work.
 */
class CpuScaleTest {
    @ParameterizedTest
    @CsvSource({"15000, 1.05", "15000, 1.3", "2000, 1.05", "100000, 1.05", "15000, 0.5", "15000, 2"})
    void theScaledBoundMultipliesTheTrialDivisionsByTheFactor(long n, double factor) {
        double ratio = CpuScale.work(CpuScale.scaledBound(n, factor)) / CpuScale.work(n);
        // within one number's cost of the target: under 0.5% at the smallest bound, far less at the default
        assertThat(ratio).isCloseTo(factor, org.assertj.core.data.Offset.offset(factor * 0.005));
    }

    @Test
    void factorOneIsTheBoundItself() {
        assertThat(CpuScale.scaledBound(15_000, 1)).isEqualTo(15_000);
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
    void aScaledComputeStepCountsBelowTheScaledBoundAndTheReferenceFollows() {
        assumeThat(CpuScale.factor()).as("only in the test execution with -Dcpabench.cpuScale").isNotEqualTo(1.0);
        Task t = new Task(3, Step.compute(15_000));
        long scaled = t.runLocal(0, null, Checkpoint.NONE);
        assertThat(scaled).isEqualTo(Kernels.countPrimes(CpuScale.scaledBound(15_000, CpuScale.factor()), Checkpoint.NONE))
                .isNotEqualTo(Kernels.countPrimes(15_000, Checkpoint.NONE));
    }
}
