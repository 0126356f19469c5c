package io.cpabench.results;

import io.cpabench.machine.RunLoad;
import java.time.Instant;
import java.util.List;

/**
 * What one run was: the plan's name, where, when (UTC), on which JDK configuration (major, java,
 * label, its own JVM options), what went wrong, and how busy the machine was meanwhile ({@code load}
 * null when nothing ran), and how its rows that forked until precise ended (empty when none did).
 */
public record RunInfo(String profile, boolean comparable, String runner, int forkJdkMajor, String forkJava,
                      String jdkLabel, List<String> jdkArgs, Instant start, Instant end, List<String> failures,
                      List<String> notes, RunLoad load, List<PrecisionOutcome> precision) {

    /** A run without forks until precise. */
    public RunInfo(String profile, boolean comparable, String runner, int forkJdkMajor, String forkJava, String jdkLabel,
                   List<String> jdkArgs, Instant start, Instant end, List<String> failures, List<String> notes, RunLoad load) {
        this(profile, comparable, runner, forkJdkMajor, forkJava, jdkLabel, jdkArgs, start, end, failures, notes, load, List.of());
    }
}
