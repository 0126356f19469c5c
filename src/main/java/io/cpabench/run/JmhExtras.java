package io.cpabench.run;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.openjdk.jmh.runner.options.ChainedOptionsBuilder;
import org.openjdk.jmh.runner.options.CommandLineOptionException;
import org.openjdk.jmh.runner.options.CommandLineOptions;
import org.openjdk.jmh.runner.options.TimeValue;

/**
 * JMH options given after {@code run --}, parsed by JMH itself so they mean exactly what they mean to
 * JMH. Where they overlap a profile setting (forks, iterations, threads, -p, -jvmArgs) they win.
 */
public final class JmhExtras {
    private final CommandLineOptions jmh;
    private final Map<String, List<String>> params = new LinkedHashMap<>();

    public JmhExtras(List<String> args) {
        try {
            jmh = new CommandLineOptions(args.toArray(new String[0]));
        } catch (CommandLineOptionException e) {
            throw new IllegalArgumentException("bad JMH option after 'run --': " + e.getMessage(), e);
        }
        if (!jmh.getIncludes().isEmpty()) {
            // A regex would be added to every group's own include and run everything it matches in each.
            throw new IllegalArgumentException("'run' takes no benchmark regex (" + String.join(" ", jmh.getIncludes())
                    + "); narrow it with -p key=value, or drop 'run' to hand the regex to JMH directly");
        }
        if (jmh.shouldHelp() || jmh.shouldList() || jmh.shouldListWithParams() || jmh.shouldListProfilers()
                || jmh.shouldListResultFormats()) {
            throw new IllegalArgumentException("listing and help options are JMH's own: run them without 'run' (e.g. -l, -lp, -h)");
        }
        if (jmh.getResult().hasValue() || jmh.getResultFormat().hasValue()) {
            throw new IllegalArgumentException("'run' writes JMH JSON itself; choose the directory with --results, not -rf/-rff");
        }
        // JMH's Options cannot enumerate -p keys, so find them in the arguments and let JMH parse the values.
        for (int i = 0; i + 1 < args.size(); i++) {
            if (args.get(i).equals("-p") && args.get(i + 1).contains("=")) {
                String key = args.get(i + 1).substring(0, args.get(i + 1).indexOf('=')).trim();
                opt(jmh.getParameter(key)).ifPresent(v -> params.put(key, List.copyOf(v)));
            }
        }
    }

    /** {@code -p key=v1,v2} given by the user, in order. */
    public Map<String, List<String>> params() {
        return params;
    }

    public Optional<String> jvm() {
        return opt(jmh.getJvm());
    }

    public Optional<Integer> forks() {
        return opt(jmh.getForkCount());
    }

    public Optional<Integer> warmupIterations() {
        return opt(jmh.getWarmupIterations());
    }

    public Optional<TimeValue> warmupTime() {
        return opt(jmh.getWarmupTime());
    }

    public Optional<Integer> measurementIterations() {
        return opt(jmh.getMeasurementIterations());
    }

    public Optional<TimeValue> measurementTime() {
        return opt(jmh.getMeasurementTime());
    }

    public Optional<Integer> threads() {
        return opt(jmh.getThreads());
    }

    public Optional<Boolean> failOnError() {
        return opt(jmh.shouldFailOnError());
    }

    /** -jvmArgsPrepend: merged with the profile's fork arguments, which travel the same way. */
    public List<String> jvmArgsPrepend() {
        return opt(jmh.getJvmArgsPrepend()).map(c -> (List<String>) new ArrayList<>(c)).orElse(List.of());
    }

    /** Class names of the profilers given with -prof. */
    public List<String> profilers() {
        return jmh.getProfilers().stream().map(p -> p.getKlass()).toList();
    }

    /** Everything the plan does not already account for, handed to JMH as given. */
    public void applyRest(ChainedOptionsBuilder b) {
        jmh.getExcludes().forEach(b::exclude);
        jmh.getProfilers().forEach(p -> b.addProfiler(p.getKlass(), p.getOpts()));
        jmh.getBenchModes().forEach(b::mode);
        // As on JMH's command line: these replace the benchmark's @Fork(jvmArgs / jvmArgsAppend).
        opt(jmh.getJvmArgs()).ifPresent(a -> b.jvmArgs(a.toArray(new String[0])));
        opt(jmh.getJvmArgsAppend()).ifPresent(a -> b.jvmArgsAppend(a.toArray(new String[0])));
        opt(jmh.getWarmupForkCount()).ifPresent(b::warmupForks);
        opt(jmh.getWarmupBatchSize()).ifPresent(b::warmupBatchSize);
        opt(jmh.getMeasurementBatchSize()).ifPresent(b::measurementBatchSize);
        opt(jmh.getWarmupMode()).ifPresent(b::warmupMode);
        jmh.getWarmupIncludes().forEach(b::includeWarmup);
        opt(jmh.getThreadGroups()).ifPresent(b::threadGroups);
        opt(jmh.shouldDoGC()).ifPresent(b::shouldDoGC);
        opt(jmh.shouldSyncIterations()).ifPresent(b::syncIterations);
        opt(jmh.verbosity()).ifPresent(b::verbosity);
        opt(jmh.getTimeUnit()).ifPresent(b::timeUnit);
        opt(jmh.getOperationsPerInvocation()).ifPresent(b::operationsPerInvocation);
        opt(jmh.getTimeout()).ifPresent(b::timeout);
        opt(jmh.getOutput()).ifPresent(b::output);
    }

    private static <T> Optional<T> opt(org.openjdk.jmh.util.Optional<T> o) {
        return o.hasValue() ? Optional.of(o.get()) : Optional.empty();
    }

}
