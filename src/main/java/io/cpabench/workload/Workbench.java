package io.cpabench.workload;

/**
 * What a workload's tasks need while they run: the memory they scan, the I/O backend they wait on,
 * and the probe told of each finished task. Opened at trial setup, closed at teardown.
 */
public final class Workbench implements AutoCloseable {
    private final Workload workload;
    private final WorkloadConfig config;
    private final long[] memory;
    private final IoBackend io;
    private final SharedLock sharedLock = new SharedLock();
    private final SharedCounters counters;

    Workbench(Workload workload, WorkloadConfig config, long[] memory, IoBackend io) {
        this.workload = workload;
        this.config = config;
        this.memory = memory;
        this.io = io;
        this.counters = new SharedCounters(config.sharing());
    }

    public Workload workload() {
        return workload;
    }

    public WorkloadConfig config() {
        return config;
    }

    long[] memory() {
        return memory;
    }

    /** SHARED_LOCK's lock: one per trial, shared by every worker. */
    SharedLock sharedLock() {
        return sharedLock;
    }

    /** The share of SHARED_LOCK's count that runs under the lock. */
    double serialShare() {
        return config.serialPercent() / 100.0;
    }

    /** SHARED_COUNTER's counters: one set per trial, shared by every worker. */
    SharedCounters counters() {
        return counters;
    }

    public IoBackend io() {
        return io;
    }

    public TaskProbe probe() {
        return config.probe();
    }

    /** {@code count} tasks of this workload, ids 0…count−1. */
    public Task[] tasks(int count) {
        Task[] tasks = new Task[count];
        for (int i = 0; i < count; i++) {
            tasks[i] = new Task(i, workload.recipe(config));
        }
        return tasks;
    }

    /** The checksum every model must return for {@code tasks}: each run once, in order, on this thread. */
    public long referenceChecksum(Task[] tasks) {
        long sum = 0;
        for (Task t : tasks) {
            long acc = t.seed();
            for (int i = 0; i < t.size(); i++) {
                long r = t.step(i).kind() == Step.Kind.IO ? t.token(i) : t.runLocal(i, this, Checkpoint.NONE);
                acc = Task.mix(acc, r);
            }
            sum += acc;
        }
        return sum;
    }

    @Override
    public void close() {
        io.close();
    }
}
