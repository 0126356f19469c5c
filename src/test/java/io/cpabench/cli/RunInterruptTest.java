package io.cpabench.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.cpabench.run.FakeJmh;
import io.cpabench.run.RunInterrupt;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * What Ctrl-C on a run prints and stops. The hook itself is only installed by main, so the JVM running
 * the tests never runs it; its two halves are called directly.
 */
class RunInterruptTest {
    @TempDir
    Path tmp;

    /**
     * Starts a run with {@code jdks} (--jdk options, or none), pauses it in piece {@code pauseIn}, and
     * checks the interrupt would print {@code expected} followed by the parts directory in {@code jdkDir}.
     */
    private void assertLinesWhilePaused(int pauseIn, String jdkDir, String expected, String... jdks) throws Exception {
        Path profile = Files.writeString(tmp.resolve("tiny.json"), CrashResumeTest.PROFILE);
        CountDownLatch paused = new CountDownLatch(1);
        CountDownLatch go = new CountDownLatch(1);
        FakeJmh jmh = new FakeJmh(0, Set.of()).pauseIn(pauseIn, paused, go);
        List<String> args = new ArrayList<>(List.of("run", "--profile", profile.toString(), "--results", tmp.resolve("r").toString(), "--runner", "box"));
        args.addAll(List.of(jdks));
        CompletableFuture<Integer> run = CompletableFuture.supplyAsync(() -> Cli.execute(args.toArray(new String[0]),
                new java.io.PrintStream(java.io.OutputStream.nullOutputStream()), System.err, jmh));
        try {
            assertThat(paused.await(30, TimeUnit.SECONDS)).isTrue();
            Path parts;
            try (var s = Files.list(tmp.resolve("r").resolve("box").resolve(jdkDir))) {
                parts = s.filter(p -> p.toString().endsWith(".parts")).findFirst().orElseThrow().toAbsolutePath();
            }
            assertThat(RunInterrupt.lines()).containsExactly(expected + parts);
        } finally {
            go.countDown();
        }
        assertThat(run.get(30, TimeUnit.SECONDS)).isZero();
        assertThat(RunInterrupt.lines()).isEmpty();
    }

    @Test
    void saysHowFarTheRunGotAndHowToResumeIt() throws Exception {
        // three pieces filed, the fourth running: it is not counted
        assertLinesWhilePaused(4, "jdk" + Runtime.version().feature(), "interrupted after 3 of 10 pieces; resume with: run --resume ");
    }

    @Test
    void anInterleavedRunIsOneRunOneLine() throws Exception {
        // five pieces filed over both configurations, of ten each; the first --jdk's directory resumes both
        assertLinesWhilePaused(6, "jdk25", "interrupted after 5 of 20 pieces; resume with: run --resume ",
                "--jdk", "25=" + CrashResumeTest.fakeJava(tmp, 25), "--jdk", "17=" + CrashResumeTest.fakeJava(tmp, 17));
    }

    @Test
    void leavesNoForkBehind() throws IOException, InterruptedException {
        // a child that ignores SIGTERM, as a fork in the middle of a long iteration might be slow to go
        Process fork = new ProcessBuilder("sh", "-c", "trap '' TERM; sleep 60").start();
        Thread.sleep(200);
        RunInterrupt.stopForks(Duration.ofMillis(500));
        assertThat(fork.waitFor(5, TimeUnit.SECONDS)).isTrue();
        assertThat(ProcessHandle.current().descendants()).noneMatch(ProcessHandle::isAlive);
    }
}
