package io.cpabench.model;

import io.cpabench.workload.EnumNames;
import io.cpabench.workload.Workbench;

/**
 * How tasks are executed: one constant per model, each a factory for its runner (a class in this
 * package, usually a {@link ModelBase}). Everything else that depends on the model asks the constant:
 * the JDK it needs ({@link #minJdk()}, which the run's planner uses to skip it on older forks) and its
 * size as a server ({@link #serverWorkers(int)}, the latency benchmark's {@code workers=0}).
 */
public enum ExecutionModel {
    /** The calling thread, one task after another: the baseline. */
    SEQUENTIAL {
        @Override
        ModelRunner create(ModelConfig c, Workbench wb) {
            return new SequentialModel(c, wb);
        }

        @Override
        public int serverWorkers(int cores) {
            return 1;
        }
    },
    /** A fixed pool of platform threads; I/O blocks a thread. */
    PLATFORM_THREADS {
        @Override
        ModelRunner create(ModelConfig c, Workbench wb) {
            return new PlatformThreadsModel(c, wb);
        }

        @Override
        public int serverWorkers(int cores) {
            return threadPerRequest(cores);
        }
    },
    /** ForkJoinPool, recursive splitting, I/O through managedBlock. */
    FORK_JOIN {
        @Override
        ModelRunner create(ModelConfig c, Workbench wb) {
            return new ForkJoinModel(c, wb);
        }
    },
    /** Chains of CompletableFuture stages on a pool; non-blocking I/O. */
    COMPLETABLE_FUTURE {
        @Override
        ModelRunner create(ModelConfig c, Workbench wb) {
            return new CompletableFutureModel(c, wb);
        }
    },
    /** A virtual thread per task on {@code workers} carriers (JDK 21+). */
    VIRTUAL_THREADS {
        @Override
        ModelRunner create(ModelConfig c, Workbench wb) {
            return new VirtualThreadsModel(c, wb);
        }

        @Override
        public int minJdk() {
            return 21;
        }

        /** A waiting virtual thread frees its carrier for the next one. */
        @Override
        public boolean holdable() {
            return false;
        }
    },
    /** {@code workers} single-threaded event loops, compute inline. */
    EVENT_LOOP {
        @Override
        ModelRunner create(ModelConfig c, Workbench wb) {
            return EventLoopModel.loops(c, wb);
        }

        @Override
        public int serverWorkers(int cores) {
            return 1;
        }
    },
    /** One event loop, compute offloaded to a pool of {@code workers}. */
    EVENT_LOOP_OFFLOAD {
        @Override
        ModelRunner create(ModelConfig c, Workbench wb) {
            return EventLoopModel.offload(c, wb);
        }
    },
    /** {@code workers} threads under one global interpreter lock: concurrent, not parallel. */
    GIL_THREADS {
        @Override
        ModelRunner create(ModelConfig c, Workbench wb) {
            return new GilThreadsModel(c, wb);
        }

        @Override
        public int serverWorkers(int cores) {
            return threadPerRequest(cores);
        }
    },
    /** asyncio plus {@code to_thread} under one GIL: offloading buys no parallelism. */
    GIL_EVENT_LOOP_OFFLOAD {
        @Override
        ModelRunner create(ModelConfig c, Workbench wb) {
            return EventLoopModel.gilOffload(c, wb);
        }
    },
    /** {@code workers} interpreters with a GIL each; tasks and results are serialised across. */
    MULTI_INTERPRETER {
        @Override
        ModelRunner create(ModelConfig c, Workbench wb) {
            return new MultiInterpreterModel(c, wb);
        }
    };

    /** The oldest JDK whose forks can run the model: the jar is built for 17. */
    public static final int BASE_JDK = 17;

    abstract ModelRunner create(ModelConfig c, Workbench wb);

    /**
     * Whether every thread that takes the model's work can be held while a batch is queued behind it
     * ({@link ModelRunner#hold()}, DispatchBenchmark's BACKLOG regime); the planner leaves the others out
     * of a BACKLOG group.
     */
    public boolean holdable() {
        return true;
    }

    /** The oldest JDK feature release that can run the model. */
    public int minJdk() {
        return BASE_JDK;
    }

    /**
     * How many workers the model gets as a server on a machine of {@code cores}: one per core unless
     * the model says otherwise (one loop; a thread per request in flight, since each blocks on its I/O).
     */
    public int serverWorkers(int cores) {
        return cores;
    }

    // A blocking server holds a thread per request in flight; 16 per core covers the latency benchmark's load.
    private static int threadPerRequest(int cores) {
        return 16 * cores;
    }

    /** Why this JVM cannot run the model, or null when it can. */
    public String unavailableReason() {
        return EnumNames.tooOld(name(), minJdk());
    }

    /**
     * Starts the model's threads, loops or locks for one trial.
     *
     * @throws UnsupportedOperationException with the reason, when this JVM cannot run the model
     */
    public ModelRunner open(ModelConfig config, Workbench wb) {
        String reason = unavailableReason();
        if (reason != null) {
            throw new UnsupportedOperationException(reason);
        }
        return create(config, wb);
    }

    /** Parses a model name, failing with the valid ones. */
    public static ExecutionModel parse(String name) {
        return EnumNames.parse(ExecutionModel.class, "model", name);
    }

    public static String names() {
        return EnumNames.names(ExecutionModel.class);
    }
}
