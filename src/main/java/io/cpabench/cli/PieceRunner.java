package io.cpabench.cli;

import java.nio.file.Path;
import java.util.Optional;

/**
 * Runs one piece of a plan into a JMH JSON file. An interface so tests can stand in for JMH, and
 * crash where they like, without starting a fork.
 */
interface PieceRunner {
    GroupRunner.Outcome run(PlannedRun piece, Path json);

    /** A runner for the forks of one JDK. */
    interface Factory {
        PieceRunner forJdk(ForkJdk jdk, JmhExtras extras);
    }

    Factory JMH = (jdk, extras) -> new GroupRunner(Optional.ofNullable(jdk.jvm()), extras)::run;
}
