package io.cpabench.cli;

import io.cpabench.latency.LatencyProfiler;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.openjdk.jmh.results.format.ResultFormatType;
import org.openjdk.jmh.runner.Runner;
import org.openjdk.jmh.runner.RunnerException;
import org.openjdk.jmh.runner.options.ChainedOptionsBuilder;
import org.openjdk.jmh.runner.options.OptionsBuilder;
import org.openjdk.jmh.runner.options.TimeValue;

/** Runs one planned group through JMH's {@link Runner}; JMH's progress goes to stdout as usual. */
public final class GroupRunner {
    private final Optional<String> jvm;
    private final JmhExtras extras;

    public GroupRunner(Optional<String> jvm, JmhExtras extras) {
        this.jvm = jvm;
        this.extras = extras;
    }

    public PieceOutcome run(PlannedRun run, Path json) {
        try {
            Files.deleteIfExists(json);
            new Runner(options(run, json).build()).run();
            // forks killed by Ctrl-C look like failed benchmarks to JMH
            return RunInterrupt.started() ? new PieceOutcome(json, Optional.of("interrupted"), true) : new PieceOutcome(json, Optional.empty());
        } catch (RunnerException | IOException | RuntimeException e) {
            // One broken group must not cost the others their results; the missing rows are reported.
            String why = e.getMessage() != null ? e.getMessage() : e.toString();
            String line = why.lines().findFirst().orElse(why);
            return new PieceOutcome(json, Optional.of(line), RunInterrupt.started() || JmhLock.isLockFailure(why) || cannotStart(e));
        }
    }

    /** An error starting a process (the fork's java missing, no memory or pids left to fork) anywhere in the causes. */
    static boolean cannotStart(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof IOException && t.getMessage() != null && t.getMessage().startsWith("Cannot run program")) {
                return true;
            }
        }
        return false;
    }

    ChainedOptionsBuilder options(PlannedRun run, Path json) {
        ChainedOptionsBuilder b = new OptionsBuilder()
                .include(run.include())
                .forks(run.forks())
                .warmupIterations(run.warmupIterations())
                .warmupTime(TimeValue.fromString(run.warmupTime()))
                .measurementIterations(run.measurementIterations())
                .measurementTime(TimeValue.fromString(run.measurementTime()))
                .threads(run.threads())
                .shouldFailOnError(run.failOnError())
                .resultFormat(ResultFormatType.JSON)
                .result(json.toString());
        for (Map.Entry<String, List<String>> p : run.params().entrySet()) {
            b.param(p.getKey(), p.getValue().toArray(new String[0]));
        }
        if (!run.jvmArgs().isEmpty()) {
            // Prepend: setting jvmArgs or jvmArgsAppend would replace the benchmark's own @Fork lists.
            b.jvmArgsPrepend(run.jvmArgs().toArray(new String[0]));
        }
        jvm.ifPresent(b::jvm);
        extras.applyRest(b);
        if (extras.profilers().stream().noneMatch(LatencyProfiler.class.getName()::equals)) {
            // Open-loop latency percentiles, with units, for LoopLatencyBenchmark; adds nothing elsewhere.
            b.addProfiler(LatencyProfiler.class);
        }
        return b;
    }
}
