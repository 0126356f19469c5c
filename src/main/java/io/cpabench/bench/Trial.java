package io.cpabench.bench;

import io.cpabench.model.ExecutionModel;
import io.cpabench.model.ModelConfig;
import io.cpabench.model.ModelRunner;
import io.cpabench.workload.Sharing;
import io.cpabench.workload.Task;
import io.cpabench.workload.Workbench;
import io.cpabench.workload.Workload;
import io.cpabench.workload.WorkloadConfig;
import java.time.Duration;
import java.util.function.Function;

/**
 * A model opened on a workload for one JMH trial, with its batch of tasks, checked once against the
 * reference checksum before anything is measured: a wrong model fails loudly instead of looking fast.
 * It is the one way a benchmark opens, checks and closes a model.
 */
final class Trial implements AutoCloseable {
    /**
     * The smallest workload sizes, for a workbench whose own recipe is not what is measured: NOOP's
     * (only the model's dispatch is), or one that only serves the I/O steps of tasks a benchmark builds
     * itself ({@link #Trial(Workload, WorkloadConfig, ExecutionModel, ModelConfig, Function)}).
     */
    static final WorkloadConfig MINIMAL = workloadConfig(2, 8, 0);

    final Workbench workbench;
    final ModelRunner runner;
    final Task[] batch;

    /** The model on {@code tasks} of the workload's own tasks. */
    Trial(Workload workload, WorkloadConfig wc, ExecutionModel model, ModelConfig mc, int tasks) {
        this(workload, wc, model, mc, wb -> wb.tasks(tasks));
    }

    /** The model on a batch the benchmark builds against the workbench (its I/O backend, its sizes). */
    Trial(Workload workload, WorkloadConfig wc, ExecutionModel model, ModelConfig mc, Function<Workbench, Task[]> tasks) {
        this.workbench = workload.open(wc);
        try {
            this.runner = model.open(mc, workbench);
        } catch (RuntimeException e) {
            workbench.close();
            throw e;
        }
        this.batch = tasks.apply(workbench);
        try {
            long expected = workbench.referenceChecksum(batch);
            long actual = runner.runBatch(batch);
            if (actual != expected) {
                throw new IllegalStateException(model + " on " + workload + " returned checksum " + actual
                        + ", expected " + expected);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            close();
            throw new IllegalStateException("interrupted while checking " + model, e);
        } catch (RuntimeException e) {
            close();
            throw e;
        }
        String about = runner.describe();
        if (!about.isEmpty()) {
            System.out.println("# " + model + ": " + about);
        }
    }

    static WorkloadConfig workloadConfig(long cpuSize, long memKiB, long ioMicros) {
        return new WorkloadConfig(cpuSize, memKiB << 10, 0, ioMicros, null);
    }

    /** The sizes, SHARED_LOCK's serial share and SHARED_COUNTER's sharing. */
    static WorkloadConfig workloadConfig(long cpuSize, long memKiB, long ioMicros, int serialPercent, Sharing sharing) {
        return workloadConfig(cpuSize, memKiB, ioMicros).withContention(serialPercent, sharing);
    }

    static ModelConfig modelConfig(int workers, long switchMicros) {
        return new ModelConfig(workers, switchMicros * 1_000, Duration.ofMinutes(2));
    }

    @Override
    public void close() {
        try {
            runner.close();
        } finally {
            workbench.close();
        }
    }
}
