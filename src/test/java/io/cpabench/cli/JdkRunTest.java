package io.cpabench.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.cpabench.results.PartsDir;
import io.cpabench.results.ResultPaths;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The second JDK of a --jdk run starts when the first has finished: its environment file says so. */
class JdkRunTest {
    @TempDir
    Path tmp;

    @Test
    void aJdkThatWaitedForAnotherStartsItsEnvironmentWhenItsOwnPiecesStart() throws IOException {
        Profile profile = Profiles.parse("""
                {"name": "tiny", "defaults": {"forks": 1, "warmupIterations": 0, "measurementIterations": 1},
                 "groups": [{"name": "dispatch", "include": "^io\\\\.cpabench\\\\.bench\\\\.DispatchBenchmark\\\\.run$",
                             "params": {"model": ["SEQUENTIAL"], "workers": [1]}}]}
                """, "tiny", 2);
        JmhExtras extras = new JmhExtras(List.of());
        ForkJdk jdk = new ForkJdk(Runtime.version().feature(), null);
        List<Piece> pieces = Piece.split(new Planner(jdk, List.of(), extras, n -> {}).plan(profile));
        // the run began an hour ago; this JDK's turn is now
        Instant runStart = Instant.now().minus(Duration.ofHours(1));
        PartsDir parts = PartsDir.create(tmp, runStart, "{}");
        Instant before = Instant.now();

        JdkRun.Outcome o = new JdkRun(new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8), profile, extras,
                "box", 2, new FakeJmh(0, Set.of())).run(jdk, parts, pieces, runStart, List.of());

        Path file = o.file().orElseThrow();
        JsonNode env = new ObjectMapper().readTree(ResultPaths.envFile(file).toFile());
        assertThat(Instant.parse(env.path("start").asText())).isAfterOrEqualTo(before);
        // the result file keeps the run's name, so both JDKs' files share one time stamp
        assertThat(file.getFileName()).hasToString(ResultPaths.stamp(runStart) + ".json");
        assertThat(Instant.parse(env.path("end").asText())).isAfterOrEqualTo(Instant.parse(env.path("start").asText()));
    }
}
