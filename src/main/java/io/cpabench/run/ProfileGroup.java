package io.cpabench.run;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * One JMH run of a profile: the benchmarks its regex includes, swept over a parameter matrix, with
 * its own fork and iteration settings (values already have {@code ${cores}} substituted).
 * {@code slowWarmup} gives the models whose code takes longer than the group's warm-up to reach
 * steady speed a warm-up of their own, so the group's other models do not pay for it.
 * {@code precision} is null unless the group's rows get forks until precise.
 */
public record ProfileGroup(String name, String include, Map<String, List<String>> params, int forks,
                           int warmupIterations, String warmupTime, int measurementIterations,
                           String measurementTime, List<Integer> threads, List<String> jvmArgs,
                           Map<String, Warmup> slowWarmup, PrecisionTarget precision) {
    /** A warm-up: JMH's iteration count and time per iteration. */
    public record Warmup(int iterations, String time) {
    }

    /** The same group with forks until precise set to {@code target} (null: off). */
    public ProfileGroup withPrecision(PrecisionTarget target) {
        return new ProfileGroup(name, include, params, forks, warmupIterations, warmupTime, measurementIterations, measurementTime,
                threads, jvmArgs, slowWarmup, target);
    }

    public ProfileGroup {
        // insertion order is the order JMH runs and the tables print
        params = params == null ? Map.of() : Collections.unmodifiableMap(new LinkedHashMap<>(params));
        threads = threads == null || threads.isEmpty() ? List.of(1) : List.copyOf(threads);
        jvmArgs = jvmArgs == null ? List.of() : List.copyOf(jvmArgs);
        slowWarmup = slowWarmup == null ? Map.of() : Collections.unmodifiableMap(new LinkedHashMap<>(slowWarmup));
    }
}
