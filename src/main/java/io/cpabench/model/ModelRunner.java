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

    /** Stops every thread the model started and waits for them to end. */
    @Override
    void close();
}
