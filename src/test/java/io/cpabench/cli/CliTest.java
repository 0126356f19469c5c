package io.cpabench.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Input errors end before any JMH fork starts: exit 2, one line on stderr, nothing written. */
class CliTest {
    @TempDir
    Path tmp;

    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();

    private int run(String... args) {
        return Cli.execute(args, new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8));
    }

    private void assertBadInput(int code, String... expected) throws Exception {
        assertThat(code).isEqualTo(2);
        String e = err.toString(StandardCharsets.UTF_8);
        assertThat(e.lines()).hasSize(1);
        assertThat(e).contains(expected);
        try (var files = Files.list(tmp)) {
            assertThat(files).isEmpty();
        }
    }

    @Test
    void helpIsTheSuitesNotJmhs() throws Exception {
        assertThat(ArgRouter.toJmh(new String[] {"help", "run"})).isFalse();
        assertThat(run("help", "run")).isZero();
        assertThat(out.toString(StandardCharsets.UTF_8)).contains("--profile").contains("--resume");
        out.reset();
        assertThat(run("run", "--help")).isZero();
        assertThat(out.toString(StandardCharsets.UTF_8)).contains("--dry-run");
        out.reset();
        assertThat(run("help")).isZero();
        assertThat(out.toString(StandardCharsets.UTF_8)).contains("compare").contains("report");
        try (var files = Files.list(tmp)) {
            assertThat(files).isEmpty();
        }
    }

    @Test
    void unknownProfile() throws Exception {
        assertBadInput(run("run", "--profile", "nope", "--results", tmp.toString()), "unknown profile 'nope'", "quick", "smoke");
    }

    @Test
    void unknownModelOrWorkloadInJmhParams() throws Exception {
        assertBadInput(run("run", "--results", tmp.toString(), "--", "-p", "model=X"), "unknown model 'X'", "SEQUENTIAL");
    }

    @Test
    void unknownWorkload() throws Exception {
        assertBadInput(run("run", "--results", tmp.toString(), "--", "-p", "workload=DISK"), "unknown workload 'DISK'", "NOOP");
    }

    @Test
    void badWorkers() throws Exception {
        assertBadInput(run("run", "--results", tmp.toString(), "--workers", "two"), "bad --workers 'two'");
    }

    @Test
    void unknownOption() throws Exception {
        assertBadInput(run("run", "--results", tmp.toString(), "--frobnicate"), "--frobnicate");
    }

    @Test
    void reportOfAMissingPathIsBadInput() throws Exception {
        assertBadInput(run("report", tmp.resolve("missing").toString()), "no such file or directory");
    }

    @Test
    void dryRunPrintsThePlanAndWritesNothing() throws Exception {
        assertThat(run("run", "--profile", "smoke", "--dry-run", "--results", tmp.toString())).isZero();
        assertThat(out.toString(StandardCharsets.UTF_8)).contains("profile smoke").contains("estimated");
        try (var files = Files.list(tmp)) {
            assertThat(files).isEmpty();
        }
    }
}
