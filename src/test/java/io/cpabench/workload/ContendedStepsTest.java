package io.cpabench.workload;

import static org.assertj.core.api.Assertions.assertThat;

import io.cpabench.gil.Gil;
import io.cpabench.model.ExecutionModel;
import io.cpabench.model.ModelConfig;
import io.cpabench.model.ModelRunner;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.LongSupplier;
import org.junit.jupiter.api.Test;

/**
 * The steps of the contended workloads under a real GIL: waiting for the shared lock and native compute
 * release it (and take it back), nothing else does, nobody ever holds it alongside another thread; the
 * shares of SHARED_LOCK add up to CPU's count; a lost counter update fails the checksum.
 */
class ContendedStepsTest {
    private static final WorkloadConfig SMALL = new WorkloadConfig(3_000, 64, 0, 200, null);

    @Test
    void aGilThreadWaitingForTheSharedLockReleasesTheGil() throws Exception {
        Gil gil = new Gil();
        try (Workbench wb = Workload.SHARED_LOCK.open(SMALL.withContention(50, Sharing.NONE))) {
            Task task = wb.tasks(1)[0];
            int locked = lockedStep(task);
            ReentrantLock shared = wb.sharedLock().lock();
            shared.lock();
            AtomicLong result = new AtomicLong();
            AtomicBoolean heldAfter = new AtomicBoolean();
            Thread t = new Thread(() -> {
                gil.acquire();
                result.set(task.runLocal(locked, wb, gil));
                heldAfter.set(gil.isHeldByCurrentThread());
                gil.release();
            });
            t.start();
            awaitTrue(() -> shared.hasQueuedThread(t), "the GIL thread queues for the shared lock");
            assertThat(gil.holder()).as("GIL holder while its last holder waits for the shared lock").isNull();
            gil.acquire(); // another thread can run Python meanwhile: the wait is not a deadlock
            gil.release();
            shared.unlock();
            t.join(TimeUnit.SECONDS.toMillis(10));
            assertThat(t.isAlive()).isFalse();
            assertThat(heldAfter).as("the GIL is taken back with the lock").isTrue();
            assertThat(result.get()).isEqualTo(task.runLocal(locked, wb, Checkpoint.NONE));
        }
    }

    @Test
    void aFreeSharedLockIsTakenWithoutLettingTheGilGo() {
        Gil gil = new Gil();
        try (Workbench wb = Workload.SHARED_LOCK.open(SMALL.withContention(50, Sharing.NONE))) {
            Task task = wb.tasks(1)[0];
            gil.acquire();
            long before = gil.stats().acquisitions();
            task.runLocal(lockedStep(task), wb, gil);
            assertThat(gil.stats().acquisitions()).as("acquisitions: lock.acquire() succeeded at once").isEqualTo(before);
            gil.release();
        }
    }

    @Test
    void nativeComputeRunsOutsideTheGil() throws Exception {
        Gil gil = new Gil();
        try (Workbench wb = Workload.NATIVE.open(new WorkloadConfig(400_000, 64, 0, 0, null))) {
            Task task = wb.tasks(1)[0];
            AtomicBoolean computed = new AtomicBoolean();
            AtomicBoolean heldAfter = new AtomicBoolean();
            Thread t = new Thread(() -> {
                gil.acquire();
                task.runLocal(0, wb, gil);
                computed.set(true);
                heldAfter.set(gil.isHeldByCurrentThread());
                gil.release();
            });
            t.start();
            awaitTrue(() -> gil.holder() == null && t.isAlive() && !computed.get() && gil.stats().acquisitions() >= 1,
                    "the native step lets the GIL go");
            gil.acquire();
            // Held here, so the native thread cannot have taken it back to return: it was computing without it.
            assertThat(computed).as("native step finished while another thread held the GIL").isFalse();
            gil.release();
            t.join(TimeUnit.SECONDS.toMillis(30));
            assertThat(computed).isTrue();
            assertThat(heldAfter).as("the GIL is taken back after the native step").isTrue();
        }
    }

    @Test
    void nativeComputeDoesNotPollTheGilItHasReleased() {
        List<String> calls = new ArrayList<>();
        Checkpoint spy = new Checkpoint() {
            boolean outside;

            @Override
            public void poll() {
                calls.add(outside ? "poll outside" : "poll");
            }

            @Override
            public long outside(LongSupplier call) {
                calls.add("release");
                outside = true;
                try {
                    return call.getAsLong();
                } finally {
                    outside = false;
                    calls.add("take back");
                }
            }
        };
        try (Workbench wb = Workload.NATIVE.open(SMALL)) {
            Task task = wb.tasks(1)[0];
            assertThat(task.runLocal(0, wb, spy)).isEqualTo(CpuScale.compute(3_000, Checkpoint.NONE));
        }
        assertThat(calls).containsExactly("release", "take back");
    }

    @Test
    void theGilIsNeverHeldByTwoThreadsAcrossLockedUnlockedAndNativeSteps() throws Exception {
        Gil gil = new Gil(200_000, true); // a short switch interval: many hand-overs in a short test
        ConcurrentLinkedQueue<String> violations = new ConcurrentLinkedQueue<>();
        Checkpoint checked = new Checkpoint() {
            @Override
            public void poll() {
                check("before poll");
                gil.poll();
                check("after poll");
            }

            @Override
            public long outside(LongSupplier call) {
                check("before release");
                long r = gil.outside(call);
                check("after taking back");
                return r;
            }

            private void check(String where) {
                Thread holder = gil.holder();
                if (holder != Thread.currentThread()) {
                    violations.add(Thread.currentThread().getName() + " runs " + where + " while " + holder + " holds the GIL");
                }
            }
        };
        for (Workload w : List.of(Workload.SHARED_LOCK, Workload.NATIVE)) {
            try (Workbench wb = w.open(new WorkloadConfig(20_000, 64, 0, 0, null))) {
                Task[] tasks = wb.tasks(4);
                long reference = wb.referenceChecksum(tasks);
                AtomicLong sum = new AtomicLong();
                List<Thread> threads = new ArrayList<>();
                for (Task task : tasks) {
                    Thread t = new Thread(() -> {
                        gil.acquire();
                        try {
                            for (int round = 0; round < 5; round++) {
                                long acc = task.seed();
                                for (int i = 0; i < task.size(); i++) {
                                    acc = Task.mix(acc, task.runLocal(i, wb, checked));
                                }
                                if (round == 0) {
                                    sum.addAndGet(acc);
                                }
                            }
                        } finally {
                            gil.release();
                        }
                    }, "gil-" + task.id());
                    threads.add(t);
                    t.start();
                }
                for (Thread t : threads) {
                    t.join(TimeUnit.SECONDS.toMillis(60));
                    assertThat(t.isAlive()).as("%s on %s finished: no deadlock", t.getName(), w).isFalse();
                }
                assertThat(sum.get()).as("checksum on %s", w).isEqualTo(reference);
            }
        }
        assertThat(violations).isEmpty();
        assertThat(gil.stats().switches()).as("the threads did hand the GIL over").isGreaterThan(4);
    }

    @Test
    void lockedAndUnlockedSharesAddUpToTheWholeCount() {
        long whole = Kernels.countPrimes(20_000, Checkpoint.NONE);
        for (double s : new double[] {0, 0.05, 0.25, 0.5, 0.75, 1}) {
            assertThat(Kernels.countPrimesShare(20_000, 0, s, Checkpoint.NONE) + Kernels.countPrimesShare(20_000, s, 1, Checkpoint.NONE))
                    .as("share %s", s).isEqualTo(whole);
        }
        // a quarter of the numbers, spread evenly: about a quarter of the primes
        assertThat(Kernels.countPrimesShare(20_000, 0, 0.25, Checkpoint.NONE)).isBetween((long) (0.22 * whole), (long) (0.28 * whole));
    }

    @Test
    void aLostCounterUpdateFailsTheChecksum() throws Exception {
        for (Sharing s : Sharing.values()) {
            try (Workbench wb = Workload.SHARED_COUNTER.open(SMALL.withContention(50, s));
                    ModelRunner runner = ExecutionModel.PLATFORM_THREADS.open(ModelConfig.of(2).withBatchTimeout(Duration.ofSeconds(60)), wb)) {
                Task[] tasks = wb.tasks(8);
                long reference = wb.referenceChecksum(tasks);
                assertThat(runner.runBatch(tasks)).as("%s before", s).isEqualTo(reference);
                wb.counters().loseOneUpdate();
                assertThat(runner.runBatch(tasks)).as("%s after a lost update", s).isNotEqualTo(reference);
            }
        }
    }

    @Test
    void sharingNamesAreParsedOrListed() {
        assertThat(Sharing.parse("false_sharing")).isEqualTo(Sharing.FALSE_SHARING);
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> Sharing.parse("MUTEX"))
                .hasMessage("unknown sharing 'MUTEX'; valid: NONE, FALSE_SHARING, ATOMIC, ADDER");
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> SMALL.withContention(101, Sharing.NONE))
                .hasMessageContaining("serialPercent 101; valid: 0 to 100");
    }

    private static int lockedStep(Task task) {
        for (int i = 0; i < task.size(); i++) {
            if (task.step(i).kind() == Step.Kind.LOCKED) {
                return i;
            }
        }
        throw new AssertionError("no locked step in " + task);
    }

    private static void awaitTrue(java.util.function.BooleanSupplier condition, String what) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("timed out waiting until " + what);
            }
            Thread.sleep(1);
        }
    }
}
