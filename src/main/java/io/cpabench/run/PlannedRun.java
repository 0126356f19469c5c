package io.cpabench.run;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * One JMH {@code Runner} invocation, fully resolved: what a profile group becomes on this machine,
 * this JDK and with the user's overrides. {@code expectedKeys} are the parameters the profile
 * planned, whose every combination must come back as a result row. {@code jvmArgs} go to the forks
 * as JMH's jvmArgsPrepend, the one list benchmarks leave alone (ScalingBenchmark's
 * {@code @Fork(jvmArgsAppend = "-Xmx3g")} must survive a profile adding flags). {@code precision} is
 * null unless its rows get forks until precise.
 */
public record PlannedRun(String group, String include, Map<String, List<String>> params, Set<String> expectedKeys,
                         int threads, int forks, int warmupIterations, String warmupTime,
                         int measurementIterations, String measurementTime, List<String> jvmArgs,
                         boolean failOnError, PrecisionTarget precision) {

    /** A run without forks until precise. */
    public PlannedRun(String group, String include, Map<String, List<String>> params, Set<String> expectedKeys,
                      int threads, int forks, int warmupIterations, String warmupTime,
                      int measurementIterations, String measurementTime, List<String> jvmArgs, boolean failOnError) {
        this(group, include, params, expectedKeys, threads, forks, warmupIterations, warmupTime, measurementIterations,
                measurementTime, jvmArgs, failOnError, null);
    }

    /** Every planned parameter combination, in JMH's order (the first key varies slowest). */
    public List<Map<String, String>> combinations() {
        List<Map<String, String>> out = new ArrayList<>();
        out.add(new LinkedHashMap<>());
        for (Map.Entry<String, List<String>> p : params.entrySet()) {
            if (!expectedKeys.contains(p.getKey())) {
                continue;
            }
            List<Map<String, String>> next = new ArrayList<>();
            for (Map<String, String> partial : out) {
                for (String v : p.getValue()) {
                    Map<String, String> m = new LinkedHashMap<>(partial);
                    m.put(p.getKey(), v);
                    next.add(m);
                }
            }
            out = next;
        }
        return out;
    }

    /** Rough wall time: JMH's iteration times are minimums, plus a JVM start per fork. */
    public double estimatedSeconds() {
        return combinations().size() * Math.max(1, forks) * secondsPerFork();
    }

    /** As {@link #estimatedSeconds}, with every row grown to its cap when it forks until precise: the worst case. */
    public double worstSeconds() {
        return precision == null ? estimatedSeconds() : combinations().size() * Math.max(forks, precision.maxForks()) * secondsPerFork();
    }

    /** Rough wall time of one fork of one combination. */
    public double secondsPerFork() {
        return 1.5 + warmupIterations * seconds(warmupTime) + measurementIterations * seconds(measurementTime);
    }

    private static double seconds(String time) {
        return org.openjdk.jmh.runner.options.TimeValue.fromString(time).convertTo(java.util.concurrent.TimeUnit.MILLISECONDS) / 1000.0;
    }

    /** "ScalingBenchmark.run workload=CPU model=X workers=2" for plans and failure lists. */
    public String describe(Map<String, String> combination) {
        StringBuilder s = new StringBuilder(include.replace("\\.", ".").replaceAll("[\\^$]", "").replaceFirst("^.*\\.(\\w+\\.\\w+)$", "$1"));
        if (threads != 1) {
            s.append(" threads=").append(threads);
        }
        combination.forEach((k, v) -> s.append(' ').append(k).append('=').append(v));
        return s.toString();
    }
}
