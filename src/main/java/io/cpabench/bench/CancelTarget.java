package io.cpabench.bench;

/** One unit of work that can be asked to stop: started, then cancelled, per measured invocation. */
interface CancelTarget extends AutoCloseable {
    /** Starts the work and returns once it is running (or, on an idle event loop, queued to run now). */
    void start() throws InterruptedException;

    /**
     * Asks the work to stop, the way its model allows, and returns once it really has stopped.
     *
     * @return true when the work was cut short, false when it ran to its end regardless
     */
    boolean cancelAndAwaitStop() throws InterruptedException;

    @Override
    void close();
}
