package io.cpabench.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.cpabench.workload.Task;
import io.cpabench.workload.Workbench;
import io.cpabench.workload.Workload;
import io.cpabench.workload.WorkloadConfig;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executor;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicIntegerArray;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * A backlog is what it claims: while a model is held no task it was given runs, once the hold opens each
 * runs exactly once, a held GIL model leaves its GIL free, and a model closed while held leaks nothing.
 */
class HoldTest {
    private static final int TASKS = 41;
    private static final int WORKERS = 3;
    private static final WorkloadConfig SMALL = new WorkloadConfig(3_000, 64 << 10, 1 << 20, 200, null);

    @AfterEach
    void noThreadLeft() throws InterruptedException {
        assertThat(LiveThreads.awaitNone("cpabench-", Duration.ofSeconds(10))).isEmpty();
    }

    @ParameterizedTest
    @EnumSource(value = ExecutionModel.class, names = "VIRTUAL_THREADS", mode = EnumSource.Mode.EXCLUDE)
    void nothingRunsWhileHeldAndEveryTaskRunsOnceAfter(ExecutionModel model) throws InterruptedException {
        AtomicIntegerArray runs = new AtomicIntegerArray(TASKS);
        try (Workbench wb = Workload.CPU.open(SMALL.withProbe(runs::incrementAndGet));
                ModelRunner runner = model.open(ModelConfig.of(WORKERS), wb)) {
            Task[] tasks = wb.tasks(TASKS);
            long reference = wb.referenceChecksum(tasks);
            for (int batch = 1; batch <= 3; batch++) {
                Hold hold = runner.hold();
                int expected = model == ExecutionModel.SEQUENTIAL ? 0 : WORKERS + loops(model);
                assertThat(hold.threads()).as("threads held").isEqualTo(expected);
                if (runner.gil() != null) {
                    assertThat(runner.gil().holder()).as("GIL holder while every thread is held").isNull();
                }
                Batch queued = new Batch(TASKS);
                for (Task t : tasks) {
                    runner.submit(t, queued);
                }
                Thread.sleep(20); // time for a hold that leaked a thread to show it
                // SEQUENTIAL has no threads to hold: its caller ran each task as it submitted it
                int ranBeforeOpen = hold.threads() == 0 ? 2 * batch - 1 : 2 * batch - 2;
                for (int id = 0; id < TASKS; id++) {
                    assertThat(runs.get(id)).as("runs of task %d before the hold opened", id).isEqualTo(ranBeforeOpen);
                }
                hold.open();
                assertThat(queued.await(Duration.ofSeconds(30))).as("checksum of queued batch %d", batch).isEqualTo(reference);
                // and as the benchmark runs it: the batch submitted behind a hold, which it opens
                assertThat(runner.runBatch(tasks, runner.hold())).as("checksum of batch %d", batch).isEqualTo(reference);
                for (int id = 0; id < TASKS; id++) {
                    assertThat(runs.get(id)).as("runs of task %d after batch %d", id, batch).isEqualTo(2 * batch);
                }
            }
        }
    }

    @ParameterizedTest
    @EnumSource(value = ExecutionModel.class, names = {"SEQUENTIAL", "VIRTUAL_THREADS"}, mode = EnumSource.Mode.EXCLUDE)
    void aModelClosedWhileHeldStopsItsThreads(ExecutionModel model) throws InterruptedException {
        try (Workbench wb = Workload.NOOP.open(SMALL);
                ModelRunner runner = model.open(ModelConfig.of(WORKERS), wb)) {
            assertThat(runner.hold().threads()).isPositive();
        }
        // noThreadLeft checks that the held threads ended
    }

    @ParameterizedTest
    @EnumSource(value = ExecutionModel.class, names = "VIRTUAL_THREADS")
    void virtualThreadsSayWhyTheyCannotBeHeld(ExecutionModel model) {
        assumeTrue(model.unavailableReason() == null, () -> model.unavailableReason());
        try (Workbench wb = Workload.NOOP.open(SMALL);
                ModelRunner runner = model.open(ModelConfig.of(WORKERS), wb)) {
            assertThatThrownBy(runner::hold)
                    .isInstanceOf(UnsupportedOperationException.class)
                    .hasMessageContaining("frees its carrier");
        }
    }

    @Test
    void aHoldThatMissesAThreadIsOpenedAndSentAgain() throws InterruptedException {
        ExecutorService pool = Threads.fixedPool(2, "hold-test");
        try {
            MissesFirstWakeUp entry = new MissesFirstWakeUp(pool);
            Hold hold = Hold.of(List.of(entry, entry), null, Duration.ofSeconds(30));
            assertThat(hold.attempt()).as("attempt that held both threads").isEqualTo(2);
            assertThat(hold.threads()).isEqualTo(2);
            CountDownLatch ran = new CountDownLatch(1);
            pool.execute(ran::countDown);
            assertThat(ran.await(50, TimeUnit.MILLISECONDS)).as("ran while both threads held").isFalse();
            hold.open();
            assertThat(ran.await(10, TimeUnit.SECONDS)).as("ran once the hold opened").isTrue();
        } finally {
            Threads.stop(pool);
        }
    }

    @Test
    void aHoldNoThreadReachesGivesUpAtItsTimeoutSayingHowFarItGot() {
        Executor nowhere = r -> {};
        assertThatThrownBy(() -> Hold.of(List.of(nowhere, nowhere), null, Duration.ofMillis(300)))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageStartingWith("0 of 2 consumer threads reached the hold within PT0.3S");
    }

    /** A queue whose first waiter sits unseen until a later attempt sends more, as a lost wake-up leaves it. */
    private static final class MissesFirstWakeUp implements Executor {
        private final Executor inner;
        private Runnable missed;
        private int sent;

        MissesFirstWakeUp(Executor inner) {
            this.inner = inner;
        }

        @Override
        public synchronized void execute(Runnable r) {
            if (++sent == 1) {
                missed = r;
                return;
            }
            inner.execute(r);
            if (sent > 2 && missed != null) {
                inner.execute(missed);
                missed = null;
            }
        }
    }

    /** Threads besides the {@code workers}: the single loop in front of an offload pool. */
    private static int loops(ExecutionModel model) {
        return switch (model) {
            case EVENT_LOOP -> 0; // its workers are loops
            case EVENT_LOOP_OFFLOAD, GIL_EVENT_LOOP_OFFLOAD -> 1;
            default -> 0;
        };
    }
}
