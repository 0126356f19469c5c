package io.cpabench.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.cpabench.results.JmhJson;
import io.cpabench.run.FakeJmh;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Two processes at one run, or two runs at one machine: the second is refused in one line, or stops
 * leaving its piece to run again, and no row is lost. The two "processes" are two threads with a fake
 * JMH each (sharing JMH's per-machine lock where the case needs it), the first paused in a piece while
 * the second starts, so the overlap is certain rather than timed.
 */
class ConcurrentRunsTest {
    private static final int PIECES = 10;

    @TempDir
    Path tmp;

    private Path results;
    private Path profile;
    private Path jdkDir;

    record Result(int code, String out, String err) {}

    @BeforeEach
    void files() throws IOException {
        results = tmp.resolve("results");
        profile = tmp.resolve("tiny.json");
        Files.writeString(profile, CrashResumeTest.PROFILE);
        jdkDir = results.resolve("box").resolve("jdk" + Runtime.version().feature());
    }

    static Result run(FakeJmh jmh, String... args) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int code = Cli.execute(args, new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8), jmh);
        return new Result(code, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
    }

    private String[] fresh() {
        return new String[] {"run", "--profile", profile.toString(), "--results", results.toString(), "--runner", "box"};
    }

    private Path killedRun() throws IOException {
        assertThatThrownBy(() -> run(new FakeJmh(4, Set.of()), fresh())).isInstanceOf(FakeJmh.Killed.class);
        return only(jdkDir, ".parts");
    }

    static Path only(Path dir, String suffix) throws IOException {
        try (Stream<Path> s = Files.list(dir)) {
            List<Path> found = s.filter(p -> p.getFileName().toString().endsWith(suffix)).toList();
            assertThat(found).hasSize(1);
            return found.get(0);
        }
    }

    private static void await(CountDownLatch latch) throws InterruptedException {
        assertThat(latch.await(30, TimeUnit.SECONDS)).as("the first run reached its paused piece").isTrue();
    }

    private static void assertRefused(Result r, String... expected) {
        assertThat(r.code()).as(r.err()).isEqualTo(2);
        assertThat(r.err().lines()).hasSize(1);
        assertThat(r.err()).contains(expected);
    }

    @Test
    void aSecondResumeOfTheSameRunIsRefusedAndTheFirstLosesNothing() throws Exception {
        Path parts = killedRun();
        CountDownLatch paused = new CountDownLatch(1);
        CountDownLatch go = new CountDownLatch(1);
        FakeJmh first = new FakeJmh(0, Set.of()).pauseIn(2, paused, go);
        CompletableFuture<Result> firstResume = CompletableFuture.supplyAsync(() -> run(first, "run", "--resume", jdkDir.toString()));
        await(paused);

        FakeJmh second = new FakeJmh(0, Set.of());
        Result refused = run(second, "run", "--resume", jdkDir.toString());
        assertRefused(refused, parts.toString(), "is in use by process " + ProcessHandle.current().pid(), "run --resume");
        assertThat(second.ran).isEmpty();
        assertThat(parts).isDirectory();

        go.countDown();
        Result done = firstResume.get(30, TimeUnit.SECONDS);
        assertThat(done.code()).as(done.err()).isZero();
        assertThat(done.err()).isEmpty();
        assertThat(first.ran).hasSize(PIECES - 3);
        Path merged = only(jdkDir, "Z.json");
        assertThat(JmhJson.rows(merged)).hasSize(PIECES);
        assertThat(parts).doesNotExist();

        // and once it is merged, a late resume finds nothing to do rather than a stack trace
        assertRefused(run(new FakeJmh(0, Set.of()), "run", "--resume", parts.toString()), "no such directory");
    }

    @Test
    void aSecondRunWhileAnotherHoldsJmhIsRefusedBeforeWritingAnything() throws Exception {
        Semaphore jmhLock = new Semaphore(1);
        CountDownLatch paused = new CountDownLatch(1);
        CountDownLatch go = new CountDownLatch(1);
        FakeJmh first = new FakeJmh(0, Set.of()).machine(jmhLock).pauseIn(1, paused, go);
        CompletableFuture<Result> firstRun = CompletableFuture.supplyAsync(() -> run(first, fresh()));
        await(paused);
        Path firstParts = only(jdkDir, ".parts");

        FakeJmh second = new FakeJmh(0, Set.of()).machine(jmhLock);
        Path elsewhere = tmp.resolve("other");
        assertRefused(run(second, "run", "--profile", profile.toString(), "--results", elsewhere.toString(), "--runner", "box"),
                "another JMH run is using this machine", "/tmp/jmh.lock");
        assertThat(second.ran).isEmpty();
        assertThat(elsewhere).doesNotExist();
        assertThat(only(jdkDir, ".parts")).isEqualTo(firstParts);

        go.countDown();
        Result done = firstRun.get(30, TimeUnit.SECONDS);
        assertThat(done.code()).as(done.err()).isZero();
        assertThat(JmhJson.rows(only(jdkDir, "Z.json"))).hasSize(PIECES);
    }

    @Test
    void aRunThatLosesTheRaceForJmhsLockStopsWithNothingWrittenAndNoFailures() {
        // both passed the check before either had started a piece; the other took the lock first
        FakeJmh second = new FakeJmh(0, Set.of()).lockedOut(Set.of(1));
        Result r = run(second, fresh());
        assertThat(r.code()).isEqualTo(1);
        assertThat(r.err().lines()).hasSize(1);
        assertThat(r.err()).contains("stopped: ", "Another JMH instance", "not counted as failed", "start the run again");
        assertThat(r.out()).doesNotContain("FAILED").doesNotContain("no results");
        assertThat(second.ran).isEmpty();
        // nothing half-written: no parts, and not even the empty jdk and runner directories
        assertThat(results.resolve("box")).doesNotExist();
    }

    @Test
    void aPieceLockedOutMidRunStaysMissingAndTheResumeRunsIt() throws IOException {
        FakeJmh first = new FakeJmh(0, Set.of()).lockedOut(Set.of(3));
        Result stopped = run(first, fresh());
        Path parts = only(jdkDir, ".parts");
        assertThat(stopped.code()).isEqualTo(1);
        assertThat(stopped.err().lines()).hasSize(1);
        assertThat(stopped.err()).contains("not counted as failed", "resume with: run --resume " + parts.toAbsolutePath());
        assertThat(first.ran).hasSize(2);
        try (Stream<Path> s = Files.list(parts)) {
            assertThat(s.map(p -> p.getFileName().toString())).noneMatch(f -> f.endsWith(".error")).noneMatch(f -> f.startsWith("003-"));
        }

        FakeJmh rest = new FakeJmh(0, Set.of());
        Result resumed = run(rest, "run", "--resume", parts.toString());
        assertThat(resumed.code()).as(resumed.err()).isZero();
        assertThat(resumed.out()).contains("2 of 10 pieces done, 8 to run").doesNotContain("FAILED");
        assertThat(rest.ran).hasSize(PIECES - 2);
        assertThat(JmhJson.rows(only(jdkDir, "Z.json"))).hasSize(PIECES);
    }
}
