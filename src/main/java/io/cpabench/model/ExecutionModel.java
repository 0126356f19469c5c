package io.cpabench.model;

import io.cpabench.workload.Workbench;
import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;

/** How tasks are executed: one constant per model, each a factory for its runner. */
public enum ExecutionModel {
    /** The calling thread, one task after another: the baseline. */
    SEQUENTIAL {
        @Override
        ModelRunner create(ModelConfig c, Workbench wb) {
            return new SequentialModel(c, wb);
        }
    },
    /** A fixed pool of platform threads; I/O blocks a thread. */
    PLATFORM_THREADS {
        @Override
        ModelRunner create(ModelConfig c, Workbench wb) {
            return new PlatformThreadsModel(c, wb);
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
        public String unavailableReason() {
            return VirtualThreadsModel.unavailableReason();
        }
    },
    /** {@code workers} single-threaded event loops, compute inline. */
    EVENT_LOOP {
        @Override
        ModelRunner create(ModelConfig c, Workbench wb) {
            return EventLoopModel.loops(c, wb);
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

    abstract ModelRunner create(ModelConfig c, Workbench wb);

    /** Why this JVM cannot run the model, or null when it can. */
    public String unavailableReason() {
        return null;
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
        try {
            return valueOf(name.trim().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException | NullPointerException e) {
            throw new IllegalArgumentException("unknown model '" + name + "'; valid: " + names(), e);
        }
    }

    public static String names() {
        return Arrays.stream(values()).map(Enum::name).collect(Collectors.joining(", "));
    }
}
