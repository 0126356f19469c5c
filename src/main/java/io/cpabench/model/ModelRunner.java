package io.cpabench.model;

import io.cpabench.gil.Gil;
import io.cpabench.workload.Task;
import java.time.Duration;

/** One execution model, opened for a trial: runs tasks on its threads, loops or locks. */
public interface ModelRunner extends AutoCloseable {
    /**
     * Starts one task the way this model runs tasks and returns; {@code completion} hears of it exactly
     * once. SEQUENTIAL runs it on the caller before returning; open-loop drivers see that as falling
     * behind schedule, which is what a sequential server does.
     */
    void submit(Task task, Completion completion);

    /** How long one batch may take before it is declared hung. */
    Duration batchTimeout();

    /**
     * Runs every task of the batch exactly once and returns the sum of their results, which equals the
     * workbench's reference checksum whatever the model: a burst of submissions, then one wait.
     *
     * @throws BatchFailedException if a task failed or the batch outlived {@link #batchTimeout()}
     */
    default long runBatch(Task[] tasks) throws InterruptedException {
        return runBatch(tasks, Hold.NONE);
    }

    /**
     * {@link #runBatch(Task[])} behind a {@link #hold()}: every task is submitted while the consumers are
     * held, then the hold opens and the batch is waited for, so the consumers drain a backlog.
     */
    default long runBatch(Task[] tasks, Hold hold) throws InterruptedException {
        Batch batch = new Batch(tasks.length);
        for (Task t : tasks) {
            submit(t, batch);
        }
        hold.open();
        return batch.await(batchTimeout());
    }

    /**
     * Holds every thread that takes this model's work (a pool's, a loop's) and returns once all are
     * held; {@link Hold#NONE} when the caller does the work itself.
     *
     * @throws UnsupportedOperationException when the model's threads cannot be held from outside, with why
     */
    Hold hold() throws InterruptedException;

    /** The global interpreter lock the model's threads share, or null when it has none. */
    default Gil gil() {
        return null;
    }

    /** What the model observed of itself at setup that a reader of the results should know, or "". */
    default String describe() {
        return "";
    }

    /** Stops every thread the model started and waits for them to end. */
    @Override
    void close();
}
