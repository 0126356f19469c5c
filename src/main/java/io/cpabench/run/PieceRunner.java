package io.cpabench.run;

import java.nio.file.Path;
import java.util.Optional;

/**
 * Runs one piece of a plan into a JMH JSON file. An interface so tests can stand in for JMH, and
 * crash where they like, without starting a fork.
 */
public interface PieceRunner {
    PieceOutcome run(PlannedRun piece, Path json);

    /** A runner for the forks of one JDK, and one for a CPython interpreter's. */
    interface Factory {
        PieceRunner forJdk(ForkJdk jdk, JmhExtras extras);

        /** The harness in python/ on that interpreter: the same for every factory, tests' fake JMH included. */
        default PieceRunner forPython(ForkPython python) {
            return new PythonPieceRunner(python, System.err);
        }

        /** The runner for whichever the configuration is. */
        default PieceRunner forTarget(ForkTarget target, JmhExtras extras) {
            return target instanceof ForkJdk j ? forJdk(j, extras) : forPython((ForkPython) target);
        }

        /**
         * Refuses, before a run writes anything, when the pieces could not run now (another JMH run
         * holds the machine).
         *
         * @throws IllegalArgumentException saying why, in one line
         */
        default void checkReady() {}
    }

    Factory JMH = new Factory() {
        @Override
        public PieceRunner forJdk(ForkJdk jdk, JmhExtras extras) {
            return new GroupRunner(Optional.ofNullable(jdk.jvm()), extras)::run;
        }

        @Override
        public void checkReady() {
            JmhLock.checkFree();
        }
    };
}
