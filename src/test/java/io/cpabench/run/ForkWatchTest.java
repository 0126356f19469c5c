package io.cpabench.run;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** Whose failure a piece's fork was, from what JMH 1.37 prints (replayed by {@link JmhOutput}). */
class ForkWatchTest {
    @Test
    void aForkWhoseJvmRefusedAnOptionNeverRanTheBenchmark() {
        ForkWatch w = JmhOutput.watched(JmhOutput.refusedOption("NoSuchOption"));
        assertThat(w.notStarted()).contains("its fork's JVM did not start, exit code 1: Unrecognized VM option 'NoSuchOption'; "
                + "Error: Could not create the Java Virtual Machine.");
        assertThat(w.failure()).isEmpty();
    }

    @Test
    void aForkWhoseJavaCannotBeStartedNeverRanTheBenchmark() {
        ForkWatch w = JmhOutput.watched(JmhOutput.notInvoked("/gone/bin/java"));
        assertThat(w.notStarted()).contains("its fork's java could not be started: Cannot run program \"/gone/bin/java\": "
                + "error=2, No such file or directory");
    }

    @Test
    void theBenchmarksOwnExceptionIsItsFailureInOneLine() {
        ForkWatch w = JmhOutput.watched(JmhOutput.benchmarkThrows("java.lang.IllegalArgumentException: No enum constant X.NOPE"));
        assertThat(w.notStarted()).isEmpty();
        assertThat(w.failure()).contains("java.lang.IllegalArgumentException: No enum constant X.NOPE");
    }

    @Test
    void aForkThatDiesAfterItsFirstIterationBeganFailedTheBenchmark() {
        ForkWatch w = JmhOutput.watched(JmhOutput.crashed(134));
        assertThat(w.notStarted()).isEmpty();
        assertThat(w.failure()).contains("forked VM failed with exit code 134");
    }

    @Test
    void aForkThatRanHasNothingToSay() {
        ForkWatch w = JmhOutput.watched(JmhOutput.ran());
        assertThat(w.notStarted()).isEmpty();
        assertThat(w.failure()).isEmpty();
    }

    @Test
    void oneForkOfSeveralThatDidNotStartIsEnoughAndTheOutputPassesThrough() {
        List<String> lines = new ArrayList<>();
        ForkWatch w = new ForkWatch(JmhOutput.lines(lines));
        JmhOutput.refusedOption("Bad").accept(w);
        JmhOutput.ran().accept(w);
        assertThat(w.notStarted()).hasValueSatisfying(s -> assertThat(s).contains("Unrecognized VM option 'Bad'"));
        assertThat(lines).startsWith("# Fork: 1 of 1", "<forked VM failed with exit code 1>").contains("</stderr>");
    }

    @Test
    void judgedOutcomes() {
        Path json = Path.of("x.json");
        PieceOutcome refused = GroupRunner.judged(json, JmhOutput.watched(JmhOutput.refusedOption("Bad")), Optional.empty(), false);
        assertThat(refused.outside()).isTrue();
        assertThat(refused.error()).hasValueSatisfying(e -> assertThat(e).startsWith("its fork's JVM did not start"));
        // failOnError true: JMH also throws, with a message that names nothing
        PieceOutcome own = GroupRunner.judged(json, JmhOutput.watched(JmhOutput.benchmarkThrows("java.lang.IllegalStateException: boom")),
                Optional.of("Benchmark caught the exception"), false);
        assertThat(own.outside()).isFalse();
        assertThat(own.error()).contains("java.lang.IllegalStateException: boom");
        PieceOutcome locked = GroupRunner.judged(json, null, Optional.of(FakeJmh.LOCKED), true);
        assertThat(locked.outside()).isTrue();
        assertThat(locked.error()).contains(FakeJmh.LOCKED);
    }
}
