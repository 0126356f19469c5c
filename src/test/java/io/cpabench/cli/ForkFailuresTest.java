package io.cpabench.cli;

import static io.cpabench.cli.ConcurrentRunsTest.run;
import static org.assertj.core.api.Assertions.assertThat;

import io.cpabench.cli.ConcurrentRunsTest.Result;
import io.cpabench.results.JmhJson;
import io.cpabench.run.FakeJmh;
import io.cpabench.run.JmhOutput;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A piece's fork failing, with failOnError false (JMH then only prints it): a fork that never reached
 * the benchmark leaves its piece to the resume; the benchmark's own failure is filed, in one line with
 * its exception. JMH is faked by its printed output ({@link JmhOutput}), so no fork starts.
 */
class ForkFailuresTest {
    private static final int PIECES = 10;

    @TempDir
    Path tmp;

    private Path results;
    private Path profile;
    private Path jdkDir;

    @BeforeEach
    void files() throws IOException {
        results = tmp.resolve("results");
        profile = Files.writeString(tmp.resolve("tiny.json"), CrashResumeTest.PROFILE);
        jdkDir = results.resolve("box").resolve("jdk" + Runtime.version().feature());
    }

    private Result fresh(FakeJmh jmh) {
        return run(jmh, "run", "--profile", profile.toString(), "--results", results.toString(), "--runner", "box");
    }

    private Path only(String suffix) throws IOException {
        return ConcurrentRunsTest.only(jdkDir, suffix);
    }

    private static List<String> names(Path dir) throws IOException {
        try (Stream<Path> s = Files.list(dir)) {
            return s.map(p -> p.getFileName().toString()).sorted().toList();
        }
    }

    @Test
    void aForkWhoseJvmDidNotStartLeavesItsPieceToTheResume() throws IOException {
        FakeJmh first = new FakeJmh(0, Set.of()).printing(Map.of(3, JmhOutput.refusedOption("NoSuchOption")));
        Result stopped = fresh(first);
        Path parts = only(".parts");
        assertThat(stopped.code()).isEqualTo(1);
        assertThat(stopped.err().lines()).hasSize(1);
        assertThat(stopped.err()).contains("stopped: DispatchBenchmark.run model=FORK_JOIN workers=1 could not run "
                        + "(its fork's JVM did not start, exit code 1: Unrecognized VM option 'NoSuchOption'; ",
                "not counted as failed", "resume with: run --resume " + parts.toAbsolutePath());
        assertThat(stopped.out()).doesNotContain("FAILED");
        assertThat(first.ran).hasSize(2);
        assertThat(names(parts)).noneMatch(f -> f.endsWith(".error")).noneMatch(f -> f.startsWith("003-"));

        FakeJmh rest = new FakeJmh(0, Set.of());
        Result resumed = run(rest, "run", "--resume", parts.toString());
        assertThat(resumed.code()).as(resumed.err()).isZero();
        assertThat(resumed.out()).contains("2 of 10 pieces done, 8 to run").doesNotContain("FAILED");
        assertThat(rest.ran).hasSize(PIECES - 2);
        assertThat(JmhJson.rows(only("Z.json"))).hasSize(PIECES);
    }

    @Test
    void theBenchmarksOwnFailureIsFiledOnceWithItsException() throws IOException {
        String boom = "java.lang.IllegalArgumentException: No enum constant io.cpabench.model.ExecutionModel.NOPE";
        FakeJmh jmh = new FakeJmh(0, Set.of()).printing(Map.of(2, JmhOutput.benchmarkThrows(boom)));
        Result r = fresh(jmh);
        assertThat(r.code()).isEqualTo(1);
        assertThat(r.err()).isEmpty();
        assertThat(jmh.ran).hasSize(PIECES);
        // one line for the one-fork row: the failed piece with its reason, not the missing row again
        assertThat(r.out().lines().filter(l -> l.startsWith("FAILED"))).containsExactly("FAILED DispatchBenchmark.run model=SEQUENTIAL workers=2: " + boom);
        assertThat(names(jdkDir)).noneMatch(f -> f.endsWith(".parts"));
        assertThat(JmhJson.rows(only("Z.json"))).hasSize(PIECES - 1);
    }

    @Test
    void aForkThatCrashedMidBenchmarkIsTheBenchmarksFailure() throws IOException {
        FakeJmh jmh = new FakeJmh(0, Set.of()).printing(Map.of(1, JmhOutput.crashed(134)));
        Result r = fresh(jmh);
        assertThat(r.code()).isEqualTo(1);
        assertThat(r.out().lines().filter(l -> l.startsWith("FAILED")))
                .containsExactly("FAILED DispatchBenchmark.run model=SEQUENTIAL workers=1: forked VM failed with exit code 134");
    }
}
