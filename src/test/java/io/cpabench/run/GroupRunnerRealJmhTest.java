package io.cpabench.run;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The real JMH 1.37 behind {@link GroupRunner}, on failures that take it a second each: a fork whose JVM
 * refuses an option and a --jvm that is gone are not the benchmark's failures, a @Setup that throws is,
 * with failOnError false (JMH only prints) and true (JMH throws). It runs in a JVM of its own with its
 * own temporary directory, so JMH's lock there is private and a benchmark run on the machine (which
 * holds /tmp/jmh.lock) neither blocks this test nor loses a piece to it.
 */
class GroupRunnerRealJmhTest {
    private static final String MARK = "OUTCOME ";

    @TempDir
    Path tmp;

    /** Each case's outcome, from JMH itself: "outside | error". */
    static final class Probe {
        public static void main(String[] args) {
            Path gone = Path.of(args[0], "gone", "bin", "java");
            report("refused", new GroupRunner(Optional.empty(), new JmhExtras(List.of())), piece("SEQUENTIAL", List.of("-XX:+NoSuchOption"), false));
            report("gone", new GroupRunner(Optional.of(gone.toString()), new JmhExtras(List.of())), piece("SEQUENTIAL", List.of(), false));
            report("own", new GroupRunner(Optional.empty(), new JmhExtras(List.of())), piece("NOPE", List.of(), false));
            report("ownFailOnError", new GroupRunner(Optional.empty(), new JmhExtras(List.of())), piece("NOPE", List.of(), true));
        }

        private static PlannedRun piece(String model, List<String> jvmArgs, boolean failOnError) {
            return new PlannedRun("dispatch", "^io\\.cpabench\\.bench\\.DispatchBenchmark\\.run$",
                    Map.of("model", List.of(model), "workers", List.of("1")), Set.of("model", "workers"), 1, 1, 0, "100ms", 1, "100ms",
                    jvmArgs, failOnError);
        }

        private static void report(String name, GroupRunner runner, PlannedRun piece) {
            PieceOutcome o = runner.run(piece, Path.of(System.getProperty("java.io.tmpdir"), name + ".json"));
            System.out.println(MARK + name + " | " + o.outside() + " | " + o.error().orElse("-"));
        }
    }

    @Test
    void jmhsOwnOutputTellsWhoseFailureItWas() throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of(ProcessHandle.current().info().command().orElse("java"),
                "-Djava.io.tmpdir=" + tmp, "-cp", System.getProperty("java.class.path"), Probe.class.getName(), tmp.toString()));
        Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(p.waitFor(120, TimeUnit.SECONDS)).isTrue();
        List<String> outcomes = out.lines().filter(l -> l.startsWith(MARK)).map(l -> l.substring(MARK.length())).toList();
        assertThat(outcomes).as(out).hasSize(4);
        assertThat(outcomes.get(0)).startsWith("refused | true | its fork's JVM did not start, exit code 1: Unrecognized VM option 'NoSuchOption'");
        // JDK 17 says "error=2, No such file or directory", JDK 25 "Exec failed, error: 2 (No such file or directory)"
        assertThat(outcomes.get(1)).startsWith("gone | true | its fork's java could not be started: Cannot run program \""
                + tmp.resolve("gone/bin/java") + "\": ").contains("No such file or directory");
        assertThat(outcomes.get(2)).isEqualTo("own | false | java.lang.IllegalArgumentException: No enum constant io.cpabench.model.ExecutionModel.NOPE");
        assertThat(outcomes.get(3)).isEqualTo("ownFailOnError | false | java.lang.IllegalArgumentException: No enum constant io.cpabench.model.ExecutionModel.NOPE");
    }
}
