package io.cpabench.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.cpabench.run.ForkJdk;
import io.cpabench.run.JdkOption;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** --jdk: parsing and verification fail before anything runs; the plan is made per JDK. No forks start here. */
class JdkOptionTest {
    @TempDir
    Path results;

    @TempDir
    Path bin;

    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();

    /**
     * A stand-in java that only answers -version, as a real one does (on stderr), and, as a real one
     * does, refuses to start with an option it does not know (here: any -XX option but -XX:+UseSerialGC).
     */
    private String fakeJava(String name, String versionLine) throws IOException {
        Path p = bin.resolve(name);
        Files.writeString(p, "#!/bin/sh\necho \"$*\" >> '" + p + ".starts'\nfor a in \"$@\"; do case $a in -XX:+UseSerialGC) ;; -XX:*) echo \"Unrecognized VM option '${a#-XX:}'\" >&2; exit 1;; esac; done\n"
                + "echo '" + versionLine + "' >&2\n");
        Files.setPosixFilePermissions(p, PosixFilePermissions.fromString("rwxr-xr-x"));
        return p.toString();
    }

    private int run(String... args) {
        return Cli.execute(args, new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8));
    }

    private void assertBadInput(int code, String expected) throws IOException {
        assertThat(code).isEqualTo(2);
        String e = err.toString(StandardCharsets.UTF_8);
        assertThat(e.lines()).hasSize(1);
        assertThat(e).contains(expected);
        try (var files = Files.list(results)) {
            assertThat(files).isEmpty();
        }
    }

    @Test
    void malformedSpec() throws IOException {
        assertBadInput(run("run", "--results", results.toString(), "--jdk", "17"), "bad --jdk '17'; expected LABEL=/path/to/bin/java");
        err.reset();
        assertBadInput(run("run", "--results", results.toString(), "--jdk", "seventeen=/bin/sh"), "bad --jdk 'seventeen=/bin/sh'");
    }

    @Test
    void missingDirectoryOrNotExecutable() throws IOException {
        assertBadInput(run("run", "--results", results.toString(), "--jdk", "17=" + bin.resolve("nope")), "does not exist");
        err.reset();
        assertBadInput(run("run", "--results", results.toString(), "--jdk", "17=" + bin), "is a directory; give its bin/java");
        Path plain = Files.writeString(bin.resolve("plain"), "x");
        err.reset();
        assertBadInput(run("run", "--results", results.toString(), "--jdk", "17=" + plain), "is not executable");
    }

    @Test
    void notAJava() throws IOException {
        String sh = fakeJava("notjava", "hello");
        assertBadInput(run("run", "--results", results.toString(), "--jdk", "17=" + sh), "not a java executable");
    }

    @Test
    void labelMustMatchTheBinary() throws IOException {
        String j25 = fakeJava("java25", "openjdk version \"25.0.1\" 2025-10-21 LTS");
        assertBadInput(run("run", "--results", results.toString(), "--jdk", "17=" + j25), "that java is JDK 25, not 17");
    }

    @Test
    void oneResultSetPerJdk() throws IOException {
        String j17 = fakeJava("java17", "openjdk version \"17.0.15\" 2025-04-15");
        String other = fakeJava("other17", "openjdk version \"17.0.2\" 2022-01-18");
        assertBadInput(run("run", "--results", results.toString(), "--jdk", "17=" + j17, "--jdk", "17=" + other), "--jdk 17 is given twice");
    }

    @Test
    void jdkAndJvmTogetherAreAmbiguous() throws IOException {
        String j17 = fakeJava("java17", "openjdk version \"17.0.15\" 2025-04-15");
        assertBadInput(run("run", "--results", results.toString(), "--jdk", "17=" + j17, "--", "-jvm", j17), "not both");
    }

    @Test
    void dryRunPlansEachJdkWithItsOwnSkipsAndFlags() throws IOException {
        String j17 = fakeJava("java17", "openjdk version \"17.0.15\" 2025-04-15");
        String j25 = fakeJava("java25", "openjdk version \"25\" 2025-09-16");
        assertThat(run("run", "--profile", "smoke", "--dry-run", "--results", results.toString(), "--jdk", "17=" + j17, "--jdk", "25=" + j25)).isZero();
        String text = out.toString(StandardCharsets.UTF_8);
        int at25 = text.indexOf("=== forks on JDK 25 (" + j25 + ")");
        assertThat(text).startsWith("=== forks on JDK 17 (" + j17 + ")");
        assertThat(at25).isPositive();
        String on17 = text.substring(0, at25);
        String on25 = text.substring(at25);
        assertThat(on17).contains("skipped VIRTUAL_THREADS: needs JDK 21+, forks run JDK 17").doesNotContain("VIRTUAL_THREADS,")
                .doesNotContain("--sun-misc-unsafe-memory-access=allow");
        assertThat(on25).doesNotContain("needs JDK").contains("VIRTUAL_THREADS")
                .contains("skipped VIRTUAL_THREADS in group 'dispatch-backlog': regime BACKLOG cannot hold its threads").contains("jvmArgs: --sun-misc-unsafe-memory-access=allow");
        try (var files = Files.list(results)) {
            assertThat(files).isEmpty();
        }
    }

    @Test
    void withoutJdkTheRunningJvmOrJmhsJvm() throws IOException {
        assertThat(JdkOption.resolve(List.of(), List.of(), Optional.empty())).containsExactly(new ForkJdk(Runtime.version().feature(), null));
        String j17 = fakeJava("java17", "openjdk version \"17.0.15\" 2025-04-15");
        assertThat(JdkOption.resolve(List.of(), List.of(), Optional.of(j17))).containsExactly(new ForkJdk(17, j17));
        assertThat(JdkOption.resolve(List.of(" 17=" + j17), List.of(), Optional.empty())).containsExactly(new ForkJdk(17, j17));
    }

    @Test
    void aLabelIsAMajorWithAnOptionalSuffixAndTheMajorIsChecked() throws IOException {
        String j25 = fakeJava("java25", "openjdk version \"25.0.1\" 2025-10-21 LTS");
        List<ForkJdk> jdks = JdkOption.resolve(List.of("25-a=" + j25, "25-b.2=" + j25), List.of(), Optional.empty());
        assertThat(jdks).extracting(ForkJdk::label).containsExactly("25-a", "25-b.2");
        assertThat(jdks).extracting(ForkJdk::major).containsExactly(25, 25);
        assertBadInput(run("run", "--results", results.toString(), "--jdk", "17-zgc=" + j25), "that java is JDK 25, not 17");
        err.reset();
        assertBadInput(run("run", "--results", results.toString(), "--jdk", "zgc-25=" + j25), "bad --jdk 'zgc-25=");
        err.reset();
        assertBadInput(run("run", "--results", results.toString(), "--jdk", "25/../x=" + j25), "bad --jdk '25/../x=");
        err.reset();
        assertBadInput(run("run", "--results", results.toString(), "--jdk", "25-a=" + j25, "--jdk", "25-a=" + j25), "--jdk 25-a is given twice");
    }

    @Test
    void jdkArgsBelongToOneLabelAndAreCheckedBeforeAnythingRuns() throws IOException {
        String j25 = fakeJava("java25", "openjdk version \"25.0.1\" 2025-10-21 LTS");
        List<ForkJdk> jdks = JdkOption.resolve(List.of("25-a=" + j25, "25-gc=" + j25),
                List.of("25-gc= -XX:+UseSerialGC  -Dcpabench.cpuScale=1.05 "), Optional.empty());
        assertThat(jdks.get(0).args()).isEmpty();
        assertThat(jdks.get(1).args()).containsExactly("-XX:+UseSerialGC", "-Dcpabench.cpuScale=1.05");
        assertThat(jdks.get(1).forkJvmArgs()).containsExactly("-XX:+UseSerialGC", "-Dcpabench.cpuScale=1.05", ForkJdk.UNSAFE_FLAG);

        assertBadInput(run("run", "--results", results.toString(), "--jdk", "25-a=" + j25, "--jdk-args", "25-b=-Dx=1"),
                "--jdk-args 25-b: no such JDK label; valid: 25-a");
        err.reset();
        assertBadInput(run("run", "--results", results.toString(), "--jdk", "25-a=" + j25, "--jdk-args", "25-a=-Dcpabench.cpuScale=fast"),
                "bad cpabench.cpuScale 'fast'; valid: a number above 0 and at most 100");
        err.reset();
        assertBadInput(run("run", "--results", results.toString(), "--jdk", "25-a=" + j25, "--jdk-args", "25-a=-XX:+UseZGCC"),
                "--jdk-args 25-a: it does not start with -XX:+UseZGCC: Unrecognized VM option '+UseZGCC'");
        err.reset();
        assertBadInput(run("run", "--results", results.toString(), "--jdk", "25-a=" + j25, "--jdk-args", "25-a=-Da=1", "--jdk-args", "25-a=-Db=2"),
                "--jdk-args 25-a is given twice");
        err.reset();
        assertBadInput(run("run", "--results", results.toString(), "--jdk", "25-a=" + j25, "--jdk-args", "25-a="), "--jdk-args 25-a: no options given");
    }

    /** The command lines each fake java was started with. */
    private List<String> starts(String java) throws IOException {
        Path log = Path.of(java + ".starts");
        return Files.exists(log) ? Files.readAllLines(log) : List.of();
    }

    @Test
    void oneStartOfEachJavaChecksItsMajorAndItsOptions() throws IOException {
        String j25 = fakeJava("java25", "openjdk version \"25.0.1\" 2025-10-21 LTS");
        String j17 = fakeJava("java17", "openjdk version \"17.0.15\" 2025-04-15");
        JdkOption.resolve(List.of("25-gc=" + j25, "17=" + j17), List.of("25-gc=-XX:+UseSerialGC -Dx=1"), Optional.empty());
        assertThat(starts(j25)).containsExactly("-XX:+UseSerialGC -Dx=1 -version");
        assertThat(starts(j17)).containsExactly("-version");

        // the messages stay apart: a refused option names the label and the option, a wrong major says so
        String j21 = fakeJava("java21", "openjdk version \"21.0.2\" 2024-01-16");
        assertBadInput(run("run", "--results", results.toString(), "--jdk", "25-x=" + j21, "--jdk-args", "25-x=-XX:+UseSerialGC"),
                "--jdk 25-x=" + j21 + ": that java is JDK 21, not 25");
        err.reset();
        assertBadInput(run("run", "--results", results.toString(), "--jdk", "25-x=" + j21, "--jdk-args", "25-x=-XX:+UseZGCC"),
                "that java is JDK 21, not 25");
        err.reset();
        assertBadInput(run("run", "--results", results.toString(), "--jdk", "21-x=" + j21, "--jdk-args", "21-x=-XX:+UseZGCC"),
                "--jdk-args 21-x: it does not start with -XX:+UseZGCC: Unrecognized VM option '+UseZGCC'");
        err.reset();
        String sh = fakeJava("notjava", "hello");
        assertBadInput(run("run", "--results", results.toString(), "--jdk", "17=" + sh, "--jdk-args", "17=-XX:+UseZGCC"), "not a java executable");
    }

    @Test
    void dryRunGivesEachLabelItsOwnArgsAndTheWholeEstimate() throws IOException {
        String j25 = fakeJava("java25", "openjdk version \"25\" 2025-09-16");
        assertThat(run("run", "--profile", "smoke", "--dry-run", "--results", results.toString(), "--jdk", "25-base=" + j25,
                "--jdk", "25-slow=" + j25, "--jdk-args", "25-slow=-Dcpabench.cpuScale=1.05")).isZero();
        String text = out.toString(StandardCharsets.UTF_8);
        int slow = text.indexOf("=== forks on JDK 25-slow (" + j25 + " -Dcpabench.cpuScale=1.05)");
        assertThat(slow).isPositive();
        assertThat(text.substring(0, slow)).doesNotContain("cpabench.cpuScale");
        assertThat(text.substring(slow)).contains("jvmArgs: -Dcpabench.cpuScale=1.05 --sun-misc-unsafe-memory-access=allow");
        assertThat(text).containsPattern("all 2 JDK configurations, pieces interleaved: \\d+ pieces, estimated \\d+ min");
        try (var files = Files.list(results)) {
            assertThat(files).isEmpty();
        }
    }
}
