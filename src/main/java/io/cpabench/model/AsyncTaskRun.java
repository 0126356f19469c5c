package io.cpabench.model;

import io.cpabench.gil.Gil;
import io.cpabench.workload.Checkpoint;
import io.cpabench.workload.Step;
import io.cpabench.workload.Task;
import io.cpabench.workload.Workbench;
import java.util.concurrent.CancellationException;
import java.util.concurrent.Executor;

/**
 * One task driven as a coroutine on an event loop: it runs on the loop until an I/O step, starts the
 * I/O without blocking, and resumes on the loop when the reply arrives. Compute steps run inline on
 * the loop, or, when an offload pool is given, on the pool and resume on the loop (asyncio's
 * {@code to_thread}). A cancellation request is honoured only at those await points
 * ({@link Completion#cancelRequested()}). Every field is touched by one thread at a time: the hand-offs order them.
 */
final class AsyncTaskRun {
    private final Task task;
    private final Workbench wb;
    private final EventLoop loop;
    private final Executor offload;
    private final Gil offloadGil;
    private final Completion completion;
    private int next;
    private long acc;

    private AsyncTaskRun(Task task, Workbench wb, EventLoop loop, Executor offload, Gil offloadGil, Completion completion) {
        this.task = task;
        this.wb = wb;
        this.loop = loop;
        this.offload = offload;
        this.offloadGil = offloadGil;
        this.completion = completion;
        this.acc = task.seed();
    }

    /**
     * Schedules the task on {@code loop}. {@code offload} null computes on the loop; {@code offloadGil}
     * non-null is the lock the offload pool's threads hold while they compute, as CPython's worker threads must.
     */
    static void start(Task task, Workbench wb, EventLoop loop, Executor offload, Gil offloadGil, Completion completion) {
        AsyncTaskRun run = new AsyncTaskRun(task, wb, loop, offload, offloadGil, completion);
        loop.execute(run::advance);
    }

    /** Runs on the loop: steps until the task must wait, then returns to the loop. */
    private void advance() {
        try {
            while (next < task.size()) {
                int i = next++;
                Step s = task.step(i);
                if (s.kind() == Step.Kind.IO) {
                    if (completion.cancelRequested()) {
                        completion.failed(new CancellationException("cancelled before I/O step " + i + " of " + task));
                        return;
                    }
                    wb.io().start(s.amount(), task.token(i)).whenComplete((r, e) -> resume(r, e));
                    return;
                }
                if (offload != null) {
                    offload.execute(() -> computeOffloaded(i));
                    return;
                }
                acc = Task.mix(acc, task.runLocal(i, wb, Checkpoint.NONE));
            }
            completion.done(task.finish(wb, acc));
        } catch (Throwable e) {
            completion.failed(e);
        }
    }

    private void computeOffloaded(int i) {
        long r;
        try {
            // under a GIL the offload pool's worker already holds it (GilPool)
            r = task.runLocal(i, wb, offloadGil == null ? Checkpoint.NONE : offloadGil);
        } catch (Throwable e) {
            resume(null, e);
            return;
        }
        resume(r, null);
    }

    /** Hops back onto the loop with a step's result, whichever thread produced it. */
    private void resume(Long r, Throwable e) {
        try {
            loop.execute(() -> {
                if (e != null) {
                    completion.failed(e);
                } else if (completion.cancelRequested()) {
                    completion.failed(new CancellationException("cancelled at step " + next + " of " + task));
                } else {
                    acc = Task.mix(acc, r);
                    advance();
                }
            });
        } catch (Throwable rejected) {
            completion.failed(e != null ? e : rejected);
        }
    }
}
