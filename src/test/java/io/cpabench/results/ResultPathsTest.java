package io.cpabench.results;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ResultPathsTest {
    @TempDir
    Path tmp;

    @Test
    void runnerLabelsAreOnePathSegment() {
        assertThat(ResultPaths.sanitiseRunner("ci-16core.example.com")).isEqualTo("ci-16core.example.com");
        assertThat(ResultPaths.sanitiseRunner("my laptop/../x")).isEqualTo("my-laptop-..-x");
        assertThat(ResultPaths.sanitiseRunner("../etc")).isEqualTo("etc");
        assertThat(ResultPaths.sanitiseRunner("  ")).isEqualTo("unknown-host");
        assertThat(ResultPaths.sanitiseRunner(null)).isEqualTo("unknown-host");
    }

    @Test
    void layoutIsRunnerThenJdkThenUtcStamp() {
        Instant t = Instant.parse("2026-11-26T18:05:03.789Z");
        Path dir = ResultPaths.directory(tmp, "box 1", "25");
        assertThat(dir).isEqualTo(tmp.resolve("box-1").resolve("jdk25"));
        assertThat(ResultPaths.freeFile(dir, t).getFileName().toString()).isEqualTo("2026-11-26T18-05-03Z.json");
    }

    @Test
    void neverReusesAName() throws Exception {
        Instant t = Instant.parse("2026-11-26T18:05:03Z");
        Path first = ResultPaths.freeFile(tmp, t);
        Files.writeString(first, "[]");
        Path second = ResultPaths.freeFile(tmp, t);
        assertThat(second.getFileName().toString()).isEqualTo("2026-11-26T18-05-03Z-2.json");
        Files.writeString(ResultPaths.envFile(second), "{}");
        assertThat(ResultPaths.freeFile(tmp, t).getFileName().toString()).isEqualTo("2026-11-26T18-05-03Z-3.json");
    }

    @Test
    void jdkAndCpythonLabelsNameResultSetDirectories() {
        assertThat(ResultPaths.isJdkDirectory("jdk17")).isTrue();
        assertThat(ResultPaths.isJdkDirectory("jdk25-zgc")).isTrue();
        assertThat(ResultPaths.isJdkDirectory("cpython3.11")).isTrue();
        assertThat(ResultPaths.isJdkDirectory("cpython3.13t")).isTrue();
        assertThat(ResultPaths.isCpythonDirectory("cpython3.13t")).isTrue();
        assertThat(ResultPaths.isCpythonDirectory("jdk17")).isFalse();
        for (String no : new String[] {"cpython3", "cpython3.13x", "cpython", "pypy3.10", "python3.11", "cpython3.11-a"}) {
            assertThat(ResultPaths.isJdkDirectory(no)).as(no).isFalse();
        }
        assertThat(ResultPaths.directoryNamed(tmp, "box 1", "cpython3.13t")).isEqualTo(tmp.resolve("box-1").resolve("cpython3.13t"));
    }

    @Test
    void aRunnerDirectoryWithJdkAndCpythonSetsListsBothLabelled() throws Exception {
        Path box = tmp.resolve("box");
        for (String d : new String[] {"jdk17", "cpython3.11", "cpython3.13t"}) {
            Files.createDirectories(box.resolve(d));
            Files.writeString(box.resolve(d).resolve("2026-01-01T00-00-00Z.json"), "[]");
        }
        assertThat(ResultSetDirs.find(box)).extracting(ResultSetDirs.Found::label).containsExactly("cpython3.11", "cpython3.13t", "jdk17");
    }

    @Test
    void envFileSitsBeside() {
        assertThat(ResultPaths.envFile(tmp.resolve("a.json"))).isEqualTo(tmp.resolve("a.env.json"));
    }
}
