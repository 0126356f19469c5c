package io.cpabench.bench;

import io.cpabench.model.Completion;
import io.cpabench.model.ExecutionModel;
import io.cpabench.model.ModelConfig;
import io.cpabench.workload.Checkpoint;
import io.cpabench.workload.EnumNames;
import io.cpabench.workload.Kernels;
import io.cpabench.workload.Step;
import io.cpabench.workload.Task;
import io.cpabench.workload.Workload;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

/**
 * What is cancelled, and how: one constant per case, each a factory for its {@link CancelTarget}.
 * Compute is a prime count below {@code bound}; a blocked task waits {@code ioNanos}.
 */
public enum CancelCase {
    /** A platform thread whose compute loop checks its interrupt flag: {@code Future.cancel(true)} stops it. */
    PLATFORM_THREAD_CHECKS_INTERRUPT {
        @Override
        CancelTarget open(long bound, long ioNanos) {
            return new ExecutorTarget(platformThread(), () -> Kernels.countPrimes(bound, INTERRUPT_CHECK), false);
        }
    },
    /** A platform thread that never looks at its interrupt flag: the interrupt is ignored, it runs to the end. */
    PLATFORM_THREAD_IGNORES_INTERRUPT {
        @Override
        CancelTarget open(long bound, long ioNanos) {
            return new ExecutorTarget(platformThread(), () -> Kernels.countPrimes(bound, Checkpoint.NONE), false);
        }
    },
    /** {@code CompletableFuture.cancel(true)}: the future says cancelled at once, the running stage goes on. */
    COMPLETABLE_FUTURE {
        @Override
        CancelTarget open(long bound, long ioNanos) {
            return new ExecutorTarget(platformThread(), () -> Kernels.countPrimes(bound, Checkpoint.NONE), true);
        }
    },
    /** A virtual thread blocked in a wait: the interrupt unparks it at once (JDK 21+). */
    VIRTUAL_THREAD_BLOCKED {
        @Override
        CancelTarget open(long bound, long ioNanos) {
            return new ExecutorTarget(virtualThreads(), () -> {
                Thread.sleep(ioNanos / 1_000_000, (int) (ioNanos % 1_000_000));
                return 0L;
            }, false);
        }

        @Override
        ExecutionModel model() {
            return ExecutionModel.VIRTUAL_THREADS;
        }
    },
    /** A virtual thread computing without interrupt checks: nothing preempts it, it runs to the end (JDK 21+). */
    VIRTUAL_THREAD_COMPUTING {
        @Override
        CancelTarget open(long bound, long ioNanos) {
            return new ExecutorTarget(virtualThreads(), () -> Kernels.countPrimes(bound, Checkpoint.NONE), false);
        }

        @Override
        ExecutionModel model() {
            return ExecutionModel.VIRTUAL_THREADS;
        }
    },
    /**
     * An asyncio-style task on an event loop, computing then waiting on I/O: it stops only at its next
     * await, so a cancel during the compute step costs the rest of that step.
     */
    EVENT_LOOP {
        @Override
        CancelTarget open(long bound, long ioNanos) {
            return new LoopTarget(new Task(0, Step.compute(bound), Step.io(ioNanos), Step.compute(bound)));
        }

        @Override
        ExecutionModel model() {
            return ExecutionModel.EVENT_LOOP;
        }
    };

    /** Stops within 256 numbers of an interrupt, as a well-behaved Java task polls {@code Thread.interrupted()}. */
    static final Checkpoint INTERRUPT_CHECK = () -> {
        if (Thread.interrupted()) {
            throw new CancellationException("interrupted");
        }
    };

    static final long TIMEOUT_SECONDS = 30;

    abstract CancelTarget open(long bound, long ioNanos);

    /** The model whose threads the case runs on: its JDK is the case's. */
    ExecutionModel model() {
        return ExecutionModel.PLATFORM_THREADS;
    }

    /** The oldest JDK feature release that can run the case. */
    public int minJdk() {
        return model().minJdk();
    }

    /** Why this JVM cannot run the case, or null. */
    public String unavailableReason() {
        return EnumNames.tooOld(name(), minJdk());
    }

    /** Opens the case for a trial, or fails with the reason this JVM cannot run it. */
    public CancelTarget openChecked(long bound, long ioNanos) {
        String reason = unavailableReason();
        if (reason != null) {
            throw new UnsupportedOperationException(reason);
        }
        return open(bound, ioNanos);
    }

    private static ExecutorService platformThread() {
        return Executors.newSingleThreadExecutor(r -> {
            Thread t = new Thread(r, "cpabench-cancel");
            t.setDaemon(true);
            return t;
        });
    }

    /** Executors.newVirtualThreadPerTaskExecutor() by reflection: the jar targets JDK 17. */
    private static ExecutorService virtualThreads() {
        try {
            return (ExecutorService) Executors.class.getMethod("newVirtualThreadPerTaskExecutor").invoke(null);
        } catch (ReflectiveOperationException e) {
            throw new UnsupportedOperationException("virtual threads unavailable: " + e, e);
        }
    }

    static void await(CountDownLatch latch, String what) throws InterruptedException {
        if (!latch.await(TIMEOUT_SECONDS, TimeUnit.SECONDS)) {
            throw new IllegalStateException(what + " did not happen within " + TIMEOUT_SECONDS + " s");
        }
    }

    /** Work that may be interrupted (it may throw InterruptedException or CancellationException). */
    @FunctionalInterface
    interface Work {
        long run() throws Exception;
    }

    /** A task on an executor, cancelled through its Future (interrupting) or its CompletableFuture. */
    static final class ExecutorTarget implements CancelTarget {
        private final ExecutorService executor;
        private final Work work;
        private final boolean completableFuture;
        private Future<?> future;
        private CountDownLatch started;
        private CountDownLatch stopped;
        private volatile boolean ranToEnd;
        volatile long sink;

        ExecutorTarget(ExecutorService executor, Work work, boolean completableFuture) {
            this.executor = executor;
            this.work = work;
            this.completableFuture = completableFuture;
        }

        @Override
        public void start() throws InterruptedException {
            CountDownLatch go = new CountDownLatch(1);
            CountDownLatch end = new CountDownLatch(1);
            started = go;
            stopped = end;
            ranToEnd = false;
            Runnable body = () -> {
                go.countDown();
                try {
                    sink = work.run();
                    ranToEnd = true;
                } catch (Exception e) {
                    // interrupted or cancelled: stopped early, which is what is being measured
                } finally {
                    end.countDown();
                }
            };
            future = completableFuture ? CompletableFuture.runAsync(body, executor) : executor.submit(body);
            await(go, "task start");
        }

        @Override
        public boolean cancelAndAwaitStop() throws InterruptedException {
            // A CompletableFuture reports cancelled from here on, while its stage may still be running.
            future.cancel(true);
            await(stopped, "task stop");
            return !ranToEnd;
        }

        @Override
        public void close() {
            executor.shutdownNow();
            try {
                executor.awaitTermination(TIMEOUT_SECONDS, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    /** A task on a one-loop EVENT_LOOP model, cancelled by a flag its await points read. */
    static final class LoopTarget implements CancelTarget {
        private final Task task;
        private final Trial trial;
        private Run run;

        /** One loop, checked on one minimal task (the case's own may wait for a minute) before any is cancelled. */
        LoopTarget(Task task) {
            this.task = task;
            this.trial = new Trial(Workload.IO_SLEEP, Trial.MINIMAL, ExecutionModel.EVENT_LOOP, ModelConfig.of(1), 1);
        }

        @Override
        public void start() {
            run = new Run();
            trial.runner.submit(task, run);
        }

        @Override
        public boolean cancelAndAwaitStop() throws InterruptedException {
            run.cancel = true;
            await(run.stopped, "event-loop task stop");
            return run.cancelled;
        }

        @Override
        public void close() {
            trial.close();
        }

        private static final class Run implements Completion {
            final CountDownLatch stopped = new CountDownLatch(1);
            volatile boolean cancel;
            volatile boolean cancelled;

            @Override
            public void done(long result) {
                stopped.countDown();
            }

            @Override
            public void failed(Throwable error) {
                cancelled = error instanceof CancellationException;
                stopped.countDown();
            }

            @Override
            public boolean cancelRequested() {
                return cancel;
            }
        }
    }
}
