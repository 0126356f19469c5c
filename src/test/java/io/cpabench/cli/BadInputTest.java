package io.cpabench.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.cpabench.run.FakeJmh;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A user's mistake, as a new user makes it: one line on stderr naming the valid choices, exit 2, no
 * stack trace, nothing written, and a --dry-run refusing what the run would. JMH is faked so a
 * check that failed to stop the run would show as pieces run, not as minutes of benchmarks.
 */
class BadInputTest {
    @TempDir
    Path tmp;

    private Path results;
    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();
    private final FakeJmh jmh = new FakeJmh(0, Set.of());

    @BeforeEach
    void dirs() {
        results = tmp.resolve("results");
    }

    private int run(String... args) {
        out.reset();
        err.reset();
        return Cli.execute(args, new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8), jmh);
    }

    private void assertBadInput(int code, String... expected) throws IOException {
        String e = err.toString(StandardCharsets.UTF_8);
        assertThat(code).as(e).isEqualTo(2);
        assertThat(e.lines()).hasSize(1);
        assertThat(e).contains(expected).doesNotContain("Exception");
        assertThat(jmh.ran).isEmpty();
        assertThat(results).doesNotExist();
    }

    /** A profile from a template: one group, the smallest plan, with {@code group} spliced in. */
    private Path profile(String group) throws IOException {
        return Files.writeString(tmp.resolve("p.json"), "{\"name\": \"p\", \"defaults\": {\"forks\": 1, \"measurementIterations\": 1},"
                + " \"groups\": [{\"name\": \"g\", \"include\": \"^io\\\\.cpabench\\\\.bench\\\\.DispatchBenchmark\\\\.run$\","
                + " \"params\": {\"model\": [\"SEQUENTIAL\"], \"workers\": [1]}" + group + "}]}");
    }

    /** Refused both as a dry run and as a run. */
    private void assertProfileRefused(String group, String... expected) throws IOException {
        Path p = profile(group);
        assertBadInput(run("run", "--profile", p.toString(), "--results", results.toString(), "--dry-run"), expected);
        assertBadInput(run("run", "--profile", p.toString(), "--results", results.toString()), expected);
    }

    @Test
    void profileFieldsAreCheckedAgainstTheSchema() throws IOException {
        assertProfileRefused(", \"forkz\": 3", "profile", "group 'g': unknown field 'forkz'; valid: name, include, params, forks");
        assertProfileRefused(", \"mesurementIterations\": 3", "unknown field 'mesurementIterations'", "measurementIterations");
        assertProfileRefused(", \"forks\": \"many\"", "group 'g' forks: must be an integer of at least 0, not \"many\"");
        assertProfileRefused(", \"forks\": -1", "forks: must be an integer of at least 0, not -1");
        assertProfileRefused(", \"measurementIterations\": 0", "measurementIterations: must be an integer of at least 1");
        assertProfileRefused(", \"threads\": [\"abc\"]", "group 'g' threads: 'abc' is not a thread count", "${cores}");
        assertProfileRefused(", \"warmupTime\": \"soon\"", "warmupTime: 'soon' is not a JMH time", "400ms");
        assertProfileRefused(", \"jvmArgs\": [1]", "jvmArgs: must be a string");
        assertProfileRefused(", \"why\": 1", "group 'g' why: must be a string");
        assertProfileRefused(", \"params\": {\"workers\": []}", "params workers: must list at least one value");
    }

    @Test
    void profileShapeAndTopLevelFields() throws IOException {
        Path p = Files.writeString(tmp.resolve("bad.json"), "{\"groups\": [1]}");
        assertBadInput(run("run", "--profile", p.toString(), "--results", results.toString()), "group 'group1': must be an object");
        Files.writeString(p, "{\"grups\": []}");
        assertBadInput(run("run", "--profile", p.toString(), "--results", results.toString(), "--dry-run"),
                "unknown field 'grups'; valid: name, description, comparable, failOnError, defaults, groups");
        Files.writeString(p, "[1, 2]");
        assertBadInput(run("run", "--profile", p.toString(), "--results", results.toString()), "must be a JSON object");
        Files.writeString(p, "{\"groups\": [{\"include\": \"(\"}]}");
        assertBadInput(run("run", "--profile", p.toString(), "--results", results.toString()), "include: '(' is not a regular expression");
    }

    @Test
    void whatNeedsTheBenchmarksIsCheckedBeforeAForkToo() throws IOException {
        Path p = Files.writeString(tmp.resolve("p.json"), "{\"groups\": [{\"name\": \"g\", \"include\": \"NoSuchBenchmark\"}]}");
        assertBadInput(run("run", "--profile", p.toString(), "--results", results.toString(), "--dry-run"),
                "group 'g': include 'NoSuchBenchmark' selects no benchmark; valid: io.cpabench.bench.CancellationBenchmark.cancel");
        assertProfileRefused(", \"params\": {\"colour\": [\"red\"]}",
                "io.cpabench.bench.DispatchBenchmark.run has no parameter 'colour'; valid: regime, model, workers");
        assertProfileRefused(", \"params\": {\"workers\": [\"two\"]}", "workers 'two' is not a valid int");
        Path cancel = Files.writeString(tmp.resolve("c.json"), "{\"groups\": [{\"name\": \"c\","
                + " \"include\": \"CancellationBenchmark\", \"params\": {\"work\": [\"NOPE\"]}}]}");
        assertBadInput(run("run", "--profile", cancel.toString(), "--results", results.toString(), "--dry-run"),
                "work 'NOPE' is not a valid CancelCase; valid: PLATFORM_THREAD_CHECKS_INTERRUPT");
    }

    @Test
    void aUsersParamGoesOnlyToTheGroupsThatHaveIt() throws IOException {
        assertBadInput(run("run", "--profile", "smoke", "--results", results.toString(), "--dry-run", "--", "-p", "work=NOPE"),
                "work 'NOPE' is not a valid CancelCase");
        assertBadInput(run("run", "--profile", "smoke", "--results", results.toString(), "--", "-p", "colour=red"),
                "-p colour: no benchmark of profile 'smoke' has that parameter; valid: ", "work", "workload");

        assertThat(run("run", "--profile", "smoke", "--results", results.toString(), "--dry-run", "--", "-p", "work=EVENT_LOOP")).isZero();
        // listed once: in the cancellation group's plan, no other
        assertThat(out.toString(StandardCharsets.UTF_8)).containsOnlyOnce("work = EVENT_LOOP").doesNotContain("work = PLATFORM");
        assertThat(results).doesNotExist();
    }

    @Test
    void resultsThatCannotBeWritten() throws IOException {
        Path file = Files.writeString(tmp.resolve("a-file"), "x");
        assertBadInput(run("run", "--profile", "smoke", "--results", file.toString()), "--results " + file + ": it is a file, not a directory");
        assertBadInput(run("run", "--profile", "smoke", "--results", file.resolve("sub").toString(), "--dry-run"), file + " is a file");
        assumeTrue(Files.isDirectory(Path.of("/proc/self")));
        assertBadInput(run("run", "--profile", "smoke", "--results", "/proc/forbidden"), "cannot write --results /proc/forbidden");
        assertThat(file).hasContent("x");
    }

    @Test
    void reportOutThatCannotBeWritten() throws IOException {
        Path input = Files.writeString(tmp.resolve("r.json"), "[{\"benchmark\":\"a.B.run\",\"mode\":\"thrpt\",\"threads\":1,"
                + "\"params\":{\"model\":\"SEQUENTIAL\"},"
                + "\"primaryMetric\":{\"score\":10.0,\"scoreError\":\"NaN\",\"scoreUnit\":\"ops/s\",\"rawData\":[[10.0]]}}]");
        Path file = Files.writeString(tmp.resolve("a-file"), "x");
        assertBadInput(run("report", input.toString(), "--out", file.toString()), "cannot write --out " + file + ": it is a file");
        assumeTrue(Files.isDirectory(Path.of("/proc/self")));
        assertBadInput(run("report", input.toString(), "--out", "/proc/forbidden"), "cannot write --out /proc/forbidden");
    }

    @Test
    void aDirectoryWithoutWritePermission() throws IOException {
        // root writes anywhere, so only another user can see this refusal
        assumeTrue(!"root".equals(System.getProperty("user.name")));
        Path locked = Files.createDirectory(tmp.resolve("locked"));
        Files.setPosixFilePermissions(locked, PosixFilePermissions.fromString("r-xr-xr-x"));
        try {
            Path input = Files.writeString(tmp.resolve("r.json"), "[]");
            assertBadInput(run("report", input.toString(), "--out", locked.toString()), "cannot write --out " + locked, "permission denied");
            assertBadInput(run("run", "--profile", "smoke", "--results", locked.resolve("r").toString()), "permission denied");
            try (Stream<Path> s = Files.list(locked)) {
                assertThat(s).isEmpty();
            }
        } finally {
            Files.setPosixFilePermissions(locked, PosixFilePermissions.fromString("rwxr-xr-x"));
        }
    }

    @Test
    void anUnknownOptionPointsToHelp() throws IOException {
        assertBadInput(run("run", "--frobnicate"), "Unknown option: '--frobnicate'", "(see: help run)");
        assertBadInput(run("report", "--frobnicate"), "(see: help report)");
    }
}
