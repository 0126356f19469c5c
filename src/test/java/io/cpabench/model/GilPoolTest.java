package io.cpabench.model;

import static org.assertj.core.api.Assertions.assertThat;

import io.cpabench.gil.Gil;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/** A Python-style pool keeps the GIL across queued tasks and lets go of it only when it must wait. */
class GilPoolTest {

    @Test
    void aWorkerKeepsTheGilWhileTasksAreQueued() throws InterruptedException {
        Gil gil = new Gil();
        ThreadPoolExecutor pool = new GilPool(1, "gilpool-keep", gil);
        try {
            CountDownLatch gate = new CountDownLatch(1);
            CountDownLatch started = new CountDownLatch(1);
            // the worker holds the GIL inside the first task until the rest are queued behind it
            pool.execute(() -> {
                started.countDown();
                await(gate);
            });
            started.await();
            AtomicInteger held = new AtomicInteger();
            CountDownLatch done = new CountDownLatch(50);
            for (int i = 0; i < 50; i++) {
                pool.execute(() -> {
                    if (gil.isHeldByCurrentThread()) {
                        held.incrementAndGet();
                    }
                    done.countDown();
                });
            }
            gil.resetStats();
            gate.countDown();
            assertThat(done.await(10, TimeUnit.SECONDS)).isTrue();
            assertThat(held.get()).as("tasks run with the GIL held").isEqualTo(50);
            // 50 queued tasks, not one acquisition between them
            assertThat(gil.stats().acquisitions()).isZero();
            assertThat(awaitFree(gil)).as("the GIL once the queue is empty").isNull();
        } finally {
            Threads.stop(pool);
        }
    }

    @Test
    void aThreadThatAsksForTheGilGetsItBetweenTwoQueuedTasks() throws InterruptedException {
        Gil gil = new Gil(1_000_000, true);
        ThreadPoolExecutor pool = new GilPool(1, "gilpool-ask", gil);
        try {
            CountDownLatch asked = new CountDownLatch(1);
            Thread asker = new Thread(() -> {
                gil.acquire();
                gil.release();
            });
            // tasks that never reach a checkpoint themselves keep coming until the asker has had the GIL
            Runnable task = new Runnable() {
                @Override
                public void run() {
                    if (asked.getCount() == 0 && !asker.isAlive()) {
                        return;
                    }
                    if (asked.getCount() == 1) {
                        asker.start();
                        asked.countDown();
                    }
                    pool.execute(this);
                }
            };
            pool.execute(task);
            asked.await();
            asker.join(TimeUnit.SECONDS.toMillis(10));
            assertThat(asker.isAlive()).as("asker still waiting for the GIL").isFalse();
            assertThat(gil.stats().dropRequests()).as("drop requests").isPositive();
        } finally {
            Threads.stop(pool);
        }
    }

    @Test
    void anIdleWorkerLetsGoSoAnotherThreadCanTakeTheGil() throws InterruptedException {
        Gil gil = new Gil();
        ThreadPoolExecutor pool = new GilPool(2, "gilpool-idle", gil);
        try {
            CountDownLatch ran = new CountDownLatch(1);
            pool.execute(ran::countDown);
            ran.await();
            // acquire() would wait forever (in timed rounds) if the idle worker kept the lock
            assertThat(awaitFree(gil)).isNull();
            gil.acquire();
            gil.release();
        } finally {
            Threads.stop(pool);
        }
    }

    @Test
    void tasksFromManyThreadsAllRunOnceNeverTwoHoldingAndStoppedWorkersLetGo() throws InterruptedException {
        Gil gil = new Gil(200_000, true);
        ThreadPoolExecutor pool = new GilPool(3, "gilpool-many", gil);
        AtomicInteger inside = new AtomicInteger();
        AtomicInteger overlaps = new AtomicInteger();
        int[] runs = new int[600];
        CountDownLatch done = new CountDownLatch(runs.length);
        List<Thread> submitters = new ArrayList<>();
        for (int s = 0; s < 3; s++) {
            int from = s * 200;
            Thread t = new Thread(() -> {
                for (int i = from; i < from + 200; i++) {
                    int id = i;
                    pool.execute(() -> {
                        // between two checkpoints a task runs alone, with the GIL; at a checkpoint it may be switched out
                        for (int k = 0; k < 50; k++) {
                            if (inside.incrementAndGet() > 1 || !gil.isHeldByCurrentThread()) {
                                overlaps.incrementAndGet();
                            }
                            Thread.onSpinWait();
                            inside.decrementAndGet();
                            gil.poll();
                        }
                        runs[id]++;
                        done.countDown();
                    });
                }
            });
            submitters.add(t);
            t.start();
        }
        for (Thread t : submitters) {
            t.join();
        }
        assertThat(done.await(30, TimeUnit.SECONDS)).isTrue();
        Threads.stop(pool);
        assertThat(overlaps.get()).as("segments run at once or without the GIL").isZero();
        for (int id = 0; id < runs.length; id++) {
            assertThat(runs[id]).as("task %d", id).isEqualTo(1);
        }
        // stopped means the threads have ended, and let go of the GIL as they did
        assertThat(gil.holder()).as("holder after the pool stopped").isNull();
        assertThat(LiveThreads.named("cpabench-gilpool-many")).isEmpty();
    }

    private static Thread awaitFree(Gil gil) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(5);
        while (gil.holder() != null && System.nanoTime() < deadline) {
            Thread.sleep(1);
        }
        return gil.holder();
    }

    private static void await(CountDownLatch latch) {
        try {
            latch.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
