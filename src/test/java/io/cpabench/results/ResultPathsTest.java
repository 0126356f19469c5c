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
    void envFileSitsBeside() {
        assertThat(ResultPaths.envFile(tmp.resolve("a.json"))).isEqualTo(tmp.resolve("a.env.json"));
    }
}
