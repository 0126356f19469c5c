package io.cpabench.cli;

import static org.assertj.core.api.Assertions.assertThat;

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

    /** A stand-in java that only answers -version, as a real one does (on stderr). */
    private String fakeJava(String name, String versionLine) throws IOException {
        Path p = bin.resolve(name);
        Files.writeString(p, "#!/bin/sh\necho '" + versionLine + "' >&2\n");
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
        assertBadInput(run("run", "--results", results.toString(), "--jdk", "17"), "bad --jdk '17'; expected MAJOR=/path/to/bin/java");
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
        int at25 = text.indexOf("=== forks on JDK 25: " + j25);
        assertThat(text).startsWith("=== forks on JDK 17: " + j17);
        assertThat(at25).isPositive();
        String on17 = text.substring(0, at25);
        String on25 = text.substring(at25);
        assertThat(on17).contains("skipped VIRTUAL_THREADS: needs JDK 21+, forks run JDK 17").doesNotContain("VIRTUAL_THREADS,")
                .doesNotContain("--sun-misc-unsafe-memory-access=allow");
        assertThat(on25).doesNotContain("skipped").contains("VIRTUAL_THREADS").contains("jvmArgs: --sun-misc-unsafe-memory-access=allow");
        try (var files = Files.list(results)) {
            assertThat(files).isEmpty();
        }
    }

    @Test
    void withoutJdkTheRunningJvmOrJmhsJvm() throws IOException {
        assertThat(JdkOption.resolve(List.of(), Optional.empty())).containsExactly(new ForkJdk(Runtime.version().feature(), null));
        String j17 = fakeJava("java17", "openjdk version \"17.0.15\" 2025-04-15");
        assertThat(JdkOption.resolve(List.of(), Optional.of(j17))).containsExactly(new ForkJdk(17, j17));
        assertThat(JdkOption.resolve(List.of(" 17=" + j17), Optional.empty())).containsExactly(new ForkJdk(17, j17));
    }
}
