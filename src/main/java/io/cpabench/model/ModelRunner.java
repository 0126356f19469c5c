package io.cpabench.model;

import io.cpabench.workload.Task;

/** One execution model, opened for a trial: runs batches of tasks on its threads, loops or locks. */
public interface ModelRunner extends AutoCloseable {
    /**
     * Runs every task of the batch exactly once and returns the sum of their results, which equals the
     * workbench's reference checksum whatever the model.
     *
     * @throws BatchFailedException if a task failed or the batch outlived the configured timeout
     */
    long runBatch(Task[] tasks) throws InterruptedException;

    /** The global interpreter lock the model's threads share, or null when it has none. */
    default io.cpabench.gil.Gil gil() {
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
