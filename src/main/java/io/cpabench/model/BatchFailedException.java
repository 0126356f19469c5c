package io.cpabench.model;

/** A batch that cannot return a checksum: a task threw, or the batch hung past its timeout. */
public final class BatchFailedException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public BatchFailedException(String message, Throwable cause) {
        super(message, cause);
    }
}
