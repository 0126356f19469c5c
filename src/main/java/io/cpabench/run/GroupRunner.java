package io.cpabench.run;

import io.cpabench.latency.LatencyProfiler;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.openjdk.jmh.results.format.ResultFormatType;
import org.openjdk.jmh.runner.Defaults;
import org.openjdk.jmh.runner.Runner;
import org.openjdk.jmh.runner.RunnerException;
import org.openjdk.jmh.runner.format.OutputFormat;
import org.openjdk.jmh.runner.format.OutputFormatFactory;
import org.openjdk.jmh.runner.options.ChainedOptionsBuilder;
import org.openjdk.jmh.runner.options.Options;
import org.openjdk.jmh.runner.options.OptionsBuilder;
import org.openjdk.jmh.runner.options.TimeValue;
import org.openjdk.jmh.util.UnCloseablePrintStream;
import org.openjdk.jmh.util.Utils;

/** Runs one planned group through JMH's {@link Runner}; JMH's progress goes to stdout as usual. */
public final class GroupRunner {
    private final Optional<String> jvm;
    private final JmhExtras extras;

    public GroupRunner(Optional<String> jvm, JmhExtras extras) {
        this.jvm = jvm;
        this.extras = extras;
    }

    public PieceOutcome run(PlannedRun run, Path json) {
        ForkWatch watch = null;
        try {
            Files.deleteIfExists(json);
            Options options = options(run, json).build();
            watch = new ForkWatch(output(options));
            new Runner(options, watch).run();
            return judged(json, watch, Optional.empty(), false);
        } catch (RunnerException | IOException | RuntimeException e) {
            // One broken group must not cost the others their results; the missing rows are reported.
            String why = e.getMessage() != null ? e.getMessage() : e.toString();
            Optional<String> noJava = javaNotStarted(why);
            String line = noJava.orElse(why.lines().findFirst().orElse(why));
            return judged(json, watch, Optional.of(line), JmhLock.isLockFailure(why) || cannotStart(e) || noJava.isPresent());
        }
    }

    /**
     * Whose failure it was. JMH's output decides when it says a fork never reached the benchmark (with
     * failOnError false that is all JMH does), and names the benchmark's own exception in one line.
     */
    static PieceOutcome judged(Path json, ForkWatch watch, Optional<String> error, boolean outside) {
        if (RunInterrupt.started()) {
            // forks killed by Ctrl-C look like failed benchmarks to JMH
            return new PieceOutcome(json, Optional.of("interrupted"), true);
        }
        Optional<String> notStarted = watch != null ? watch.notStarted() : Optional.empty();
        if (outside || notStarted.isPresent()) {
            return new PieceOutcome(json, notStarted.or(() -> error), true);
        }
        return new PieceOutcome(json, (watch != null ? watch.failure() : Optional.<String>empty()).or(() -> error));
    }

    /**
     * JMH 1.37 starts a --jvm other than its own once bare, for its properties, before any fork; when that
     * java cannot start (gone, no memory) it throws, whatever failOnError says, with the reason in brackets.
     */
    static Optional<String> javaNotStarted(String message) {
        if (!message.startsWith("Unable to extract forked JVM properties")) {
            return Optional.empty();
        }
        int at = message.lastIndexOf("'; [");
        String said = at < 0 ? message : message.substring(at + 4, message.endsWith("]") ? message.length() - 1 : message.length());
        return Optional.of("its fork's java could not be started: " + said.lines().filter(l -> !l.isBlank()).findFirst().orElse(said).strip());
    }

    /** The output {@code new Runner(options)} would make: -o's file, else System.out, which JMH's close must leave open. */
    private static OutputFormat output(Options options) throws IOException {
        PrintStream out = options.getOutput().hasValue()
                ? new PrintStream(options.getOutput().get())
                : new UnCloseablePrintStream(System.out, Utils.guessConsoleEncoding());
        return OutputFormatFactory.createFormatInstance(out, options.verbosity().orElse(Defaults.VERBOSITY));
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
