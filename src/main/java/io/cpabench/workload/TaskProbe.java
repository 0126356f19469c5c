package io.cpabench.workload;

/** Observes task completions; tests count them to prove every task runs exactly once. */
@FunctionalInterface
public interface TaskProbe {
    TaskProbe NONE = id -> {};

    void taskDone(int taskId);
}
