package io.cpabench.workload;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class WorkloadTest {
    @Test
    void countsPrimesLikeTheSeedExperiment() {
        assertThat(Kernels.countPrimes(2, Checkpoint.NONE)).isZero();
        assertThat(Kernels.countPrimes(100, Checkpoint.NONE)).isEqualTo(25);
        assertThat(Kernels.countPrimes(10_000, Checkpoint.NONE)).isEqualTo(1229);
    }

    @Test
    void computeLoopsPollTheCheckpointEveryFewHundredNumbers() {
        AtomicInteger polls = new AtomicInteger();
        Kernels.countPrimes(10_000, polls::incrementAndGet);
        assertThat(polls.get()).isEqualTo(10_000 / Kernels.CHECK_EVERY);
    }

    @Test
    void scanWrapsAroundTheBufferAndReadsEveryWordAsked() {
        long[] buffer = {1, 2, 3, 4};
        assertThat(Kernels.scan(buffer, 16, 32, Checkpoint.NONE)).isEqualTo(3 + 4 + 1 + 2);
        assertThat(Kernels.scan(buffer, 0, 64, Checkpoint.NONE)).isEqualTo(20);
    }

    @Test
    void recipesHaveTheirSteps() {
        WorkloadConfig c = WorkloadConfig.defaults();
        assertThat(Workload.CPU.recipe(c)).containsExactly(Step.compute(c.cpuSize()));
        assertThat(Workload.IO_SLEEP.recipe(c)).containsExactly(Step.io(1_000_000));
        assertThat(Workload.MIXED.recipe(c))
                .extracting(Step::kind)
                .containsExactly(Step.Kind.COMPUTE, Step.Kind.IO, Step.Kind.COMPUTE);
        assertThat(Workload.NOOP.recipe(c)).isEmpty();
    }

    @Test
    void tasksDifferSoSwappedResultsChangeTheChecksum() {
        try (Workbench wb = Workload.CPU.open(WorkloadConfig.defaults())) {
            Task[] tasks = wb.tasks(3);
            assertThat(tasks).extracting(Task::seed).doesNotHaveDuplicates();
            assertThat(tasks[0].token(0)).isNotEqualTo(tasks[1].token(0));
        }
    }

    @Test
    void unknownWorkloadNamesTheValidOnes() {
        assertThatThrownBy(() -> Workload.parse("DISK"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("DISK")
                .hasMessageContaining("CPU, MEMORY, IO_SLEEP, IO_SOCKET, MIXED, SHARED_LOCK, SHARED_COUNTER, NATIVE, NOOP");
        assertThat(Workload.parse("io_sleep")).isEqualTo(Workload.IO_SLEEP);
    }

    @Test
    void badSizesAreRejected() {
        assertThatThrownBy(() -> new WorkloadConfig(1, 8, 0, 0, null)).hasMessageContaining("cpuSize=1");
        assertThatThrownBy(() -> new WorkloadConfig(100, 8, 0, -1, null)).hasMessageContaining("ioMicros=-1");
    }

    @Test
    void theMemoryArenaOutgrowsTheLastLevelCache() {
        assertThat(Workload.parseSize("260M")).isEqualTo(260L << 20);
        assertThat(Workload.parseSize("48K")).isEqualTo(48L << 10);
        long arena = Workload.defaultArenaBytes();
        assertThat(arena).isBetween(64L << 20, 1L << 30);
        assertThat(arena).isGreaterThanOrEqualTo(Math.min(1L << 30, 2 * Workload.lastLevelCacheBytes()));
    }

    @Test
    void theEnumSaysWhichWorkloadsWaitAndWhichParametersShapeThem() {
        assertThat(java.util.Arrays.stream(Workload.values()).filter(Workload::isIo))
                .containsExactly(Workload.IO_SLEEP, Workload.IO_SOCKET);
        assertThat(Workload.isIo("IO_SOCKET")).isTrue();
        assertThat(Workload.isIo("A_WORKLOAD_OF_THE_FUTURE")).isFalse();
        assertThat(Workload.MIXED.parameters()).containsExactlyInAnyOrder("cpuSize", "ioMicros");
        assertThat(Workload.NOOP.parameters()).isEmpty();
        assertThat(Workload.allParameters()).containsAll(Workload.MEMORY.parameters()).containsAll(Workload.CPU.parameters());
    }
}
