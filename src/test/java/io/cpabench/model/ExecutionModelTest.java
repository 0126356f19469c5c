package io.cpabench.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.cpabench.workload.IoBackend;
import io.cpabench.workload.SleepIo;
import io.cpabench.workload.Task;
import io.cpabench.workload.Workbench;
import io.cpabench.workload.Workload;
import io.cpabench.workload.WorkloadConfig;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicIntegerArray;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.MethodSource;

/** Every model runs every task of every workload exactly once, returns the reference sum, leaks nothing. */
class ExecutionModelTest {
    /** Odd on purpose: no model may assume a batch splits evenly over its workers. */
    private static final int TASKS = 37;

    private static final int WORKERS = 3;

    /** Small sizes: these tests check semantics, not speed. */
    private static final WorkloadConfig SMALL = new WorkloadConfig(3_000, 64 << 10, 1 << 20, 200, null);

    @AfterEach
    void noThreadLeft() throws InterruptedException {
        assertThat(LiveThreads.awaitNone("cpabench-", Duration.ofSeconds(10))).isEmpty();
    }

    static Stream<Arguments> everyModelAndWorkload() {
        List<Arguments> all = new ArrayList<>();
        for (ExecutionModel m : ExecutionModel.values()) {
            for (Workload w : Workload.values()) {
                all.add(Arguments.of(m, w));
            }
        }
        return all.stream();
    }

    @ParameterizedTest(name = "{0} × {1}")
    @MethodSource("everyModelAndWorkload")
    void runsEveryTaskExactlyOnceAndReturnsTheReferenceChecksum(ExecutionModel model, Workload workload)
            throws InterruptedException {
        assumeTrue(model.unavailableReason() == null, () -> model.unavailableReason());
        AtomicIntegerArray runs = new AtomicIntegerArray(TASKS);
        try (Workbench wb = workload.open(SMALL.withProbe(runs::incrementAndGet));
                ModelRunner runner = model.open(ModelConfig.of(WORKERS), wb)) {
            Task[] tasks = wb.tasks(TASKS);
            long reference = wb.referenceChecksum(tasks);
            for (int batch = 1; batch <= 3; batch++) {
                assertThat(runner.runBatch(tasks)).as("checksum of batch %d", batch).isEqualTo(reference);
                for (int id = 0; id < TASKS; id++) {
                    assertThat(runs.get(id)).as("runs of task %d after batch %d", id, batch).isEqualTo(batch);
                }
            }
        }
    }

    @ParameterizedTest
    @EnumSource(ExecutionModel.class)
    void aFailingTaskFailsTheBatchAndTheModelStillCloses(ExecutionModel model) {
        assumeTrue(model.unavailableReason() == null, () -> model.unavailableReason());
        try (Workbench wb = Workload.IO_SLEEP.open(SMALL, new FailingIo());
                ModelRunner runner = model.open(ModelConfig.of(WORKERS), wb)) {
            assertThatThrownBy(() -> runner.runBatch(wb.tasks(5)))
                    .isInstanceOf(BatchFailedException.class)
                    .hasMessageContaining("io down");
        }
    }

    @ParameterizedTest
    @EnumSource(ExecutionModel.class)
    void aHungTaskTimesOutInsteadOfHangingTheBenchmark(ExecutionModel model) {
        assumeTrue(model.unavailableReason() == null, () -> model.unavailableReason());
        assumeTrue(model != ExecutionModel.SEQUENTIAL, "SEQUENTIAL waits on the caller's own thread");
        try (Workbench wb = Workload.IO_SLEEP.open(new WorkloadConfig(3_000, 64, 0, 60_000_000, null));
                ModelRunner runner =
                        model.open(ModelConfig.of(WORKERS).withBatchTimeout(Duration.ofMillis(200)), wb)) {
            assertThatThrownBy(() -> runner.runBatch(wb.tasks(2)))
                    .isInstanceOf(BatchFailedException.class)
                    .hasMessageContaining("unfinished");
        }
    }

    @Test
    void theEnumSaysWhichJdkAndHowManyServerWorkersEachModelNeeds() {
        assertThat(ExecutionModel.VIRTUAL_THREADS.minJdk()).isEqualTo(21);
        assertThat(ExecutionModel.FORK_JOIN.minJdk()).isEqualTo(ExecutionModel.BASE_JDK);
        assertThat(ExecutionModel.EVENT_LOOP.serverWorkers(8)).isEqualTo(1);
        assertThat(ExecutionModel.SEQUENTIAL.serverWorkers(8)).isEqualTo(1);
        assertThat(ExecutionModel.PLATFORM_THREADS.serverWorkers(8)).isEqualTo(128);
        assertThat(ExecutionModel.GIL_THREADS.serverWorkers(8)).isEqualTo(128);
        assertThat(ExecutionModel.EVENT_LOOP_OFFLOAD.serverWorkers(8)).isEqualTo(8);
        assertThat(ExecutionModel.VIRTUAL_THREADS.serverWorkers(8)).isEqualTo(8);
    }

    @Test
    void virtualThreadsOnAnOldJdkAreRefusedWithTheReason() {
        assumeTrue(Runtime.version().feature() < 21, "this JVM has virtual threads");
        try (Workbench wb = Workload.NOOP.open(SMALL)) {
            assertThatThrownBy(() -> ExecutionModel.VIRTUAL_THREADS.open(ModelConfig.of(2), wb))
                    .isInstanceOf(UnsupportedOperationException.class)
                    .hasMessageContaining("JDK 21");
        }
    }

    @Test
    void virtualThreadsReportTheCarriersTheyRanOn() throws InterruptedException {
        assumeTrue(Runtime.version().feature() >= 21, "no virtual threads on this JVM");
        try (Workbench wb = Workload.CPU.open(SMALL);
                VirtualThreadsModel runner = (VirtualThreadsModel) ExecutionModel.VIRTUAL_THREADS.open(
                        ModelConfig.of(2), wb)) {
            assertThat(runner.observedCarriers()).isPositive();
        }
    }

    @Test
    void unknownModelNamesTheValidOnes() {
        assertThatThrownBy(() -> ExecutionModel.parse("GREEN_THREADS"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("GREEN_THREADS")
                .hasMessageContaining("SEQUENTIAL")
                .hasMessageContaining("MULTI_INTERPRETER");
        assertThat(ExecutionModel.parse(" gil_threads ")).isEqualTo(ExecutionModel.GIL_THREADS);
    }

    @Test
    void zeroWorkersIsRejected() {
        assertThatThrownBy(() -> ModelConfig.of(0)).hasMessageContaining("workers");
    }

    /** An I/O backend whose every wait fails, blocking or not. */
    private static final class FailingIo implements IoBackend {
        private final SleepIo unused = new SleepIo();

        @Override
        public long await(long latencyNanos, long token) {
            throw new IllegalStateException("io down");
        }

        @Override
        public CompletableFuture<Long> start(long latencyNanos, long token) {
            return CompletableFuture.failedFuture(new IllegalStateException("io down"));
        }

        @Override
        public void close() {
            unused.close();
        }
    }
}
