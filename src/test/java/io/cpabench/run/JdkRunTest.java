package io.cpabench.run;

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
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The second JDK of a --jdk run starts when the first has finished: its environment file says so. */
class JdkRunTest {
    @TempDir
    Path tmp;

    @Test
    void theEnvironmentSpansTheWholeRunAndTheFileKeepsTheRunsName() throws IOException {
        Profile profile = Profiles.parse("""
                {"name": "tiny", "defaults": {"forks": 1, "warmupIterations": 0, "measurementIterations": 1},
                 "groups": [{"name": "dispatch", "include": "^io\\\\.cpabench\\\\.bench\\\\.DispatchBenchmark\\\\.run$",
                             "params": {"model": ["SEQUENTIAL"], "workers": [1]}}]}
                """, "tiny", 2);
        JmhExtras extras = new JmhExtras(List.of());
        ForkJdk jdk = new ForkJdk(Runtime.version().feature(), null);
        List<Piece> pieces = Piece.split(new Planner(jdk, List.of(), extras, n -> {}).plan(profile));
        // the run began an hour ago (a resume, or other JDKs' pieces interleaved with this one's)
        Instant runStart = Instant.now().minus(Duration.ofHours(1));
        PartsDir parts = PartsDir.create(tmp, runStart, "{}");

        ByteArrayOutputStream printed = new ByteArrayOutputStream();
        PrintStream ps = new PrintStream(printed, true, StandardCharsets.UTF_8);
        JdkRun run = new JdkRun(ps, profile, extras, "box", 2, new FakeJmh(0, Set.of()), jdk, parts, pieces);
        RunPieces.runMissing(ps, List.of(run), 0);
        JdkRun.Outcome o = run.finish(runStart, List.of());

        Path file = o.file().orElseThrow();
        JsonNode env = new ObjectMapper().readTree(ResultPaths.envFile(file).toFile());
        assertThat(Instant.parse(env.path("start").asText())).isEqualTo(runStart);
        // the result file keeps the run's name, so both JDKs' files share one time stamp
        assertThat(file.getFileName()).hasToString(ResultPaths.stamp(runStart) + ".json");
        assertThat(Instant.parse(env.path("end").asText())).isAfterOrEqualTo(Instant.parse(env.path("start").asText()));
    }

    @Test
    void everyPieceHasTheMachinesLoadMeasuredOnceAndTheRunSaysHowBusyItWas() throws IOException {
        Profile profile = Profiles.parse("""
                {"name": "tiny", "defaults": {"forks": 3, "warmupIterations": 0, "measurementIterations": 1},
                 "groups": [{"name": "dispatch", "include": "^io\\\\.cpabench\\\\.bench\\\\.DispatchBenchmark\\\\.run$",
                             "params": {"model": ["SEQUENTIAL", "FORK_JOIN"], "workers": [1]}}]}
                """, "tiny", 2);
        JmhExtras extras = new JmhExtras(List.of());
        ForkJdk jdk = new ForkJdk(Runtime.version().feature(), null);
        List<Piece> pieces = Piece.split(new Planner(jdk, List.of(), extras, n -> {}).plan(profile));
        Instant start = Instant.now();
        PartsDir parts = PartsDir.create(tmp, start, "{}");
        ByteArrayOutputStream printed = new ByteArrayOutputStream();

        PrintStream ps = new PrintStream(printed, true, StandardCharsets.UTF_8);
        JdkRun run = new JdkRun(ps, profile, extras, "box", 2, new FakeJmh(0, Set.of()), jdk, parts, pieces);
        RunPieces.runMissing(ps, List.of(run), 0);
        JdkRun.Outcome o = run.finish(start, List.of());

        JsonNode load = new ObjectMapper().readTree(ResultPaths.envFile(o.file().orElseThrow()).toFile()).path("machineLoad");
        assertThat(pieces).hasSize(6);
        assertThat(load.path("piecesRun").asInt()).isEqualTo(6);
        List<String> measured = new ArrayList<>();
        load.path("pieces").forEach(p -> measured.add(p.path("piece").asText()));
        // in the order they ran, each once
        assertThat(measured).containsExactlyElementsOf(pieces.stream().map(Piece::id).toList());
        assertThat(printed.toString(StandardCharsets.UTF_8)).contains("machine load over 6 pieces: other processes took");
    }
}
