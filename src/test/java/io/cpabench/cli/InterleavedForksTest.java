package io.cpabench.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
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
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A row's forks run as pieces of their own, spread over the whole run, and come back as one row with
 * every fork. JMH is faked: a piece's score is its place in the order run.
 */
class InterleavedForksTest {
    private static final String PROFILE = """
            {"name": "tiny", "comparable": true,
             "defaults": {"forks": 3, "warmupIterations": 0, "measurementIterations": 1, "measurementTime": "100ms"},
             "groups": [
               {"name": "dispatch", "include": "^io\\\\.cpabench\\\\.bench\\\\.DispatchBenchmark\\\\.run$",
                "params": {"model": ["SEQUENTIAL", "FORK_JOIN"], "workers": [1]}},
               {"name": "threads", "include": "^io\\\\.cpabench\\\\.bench\\\\.ThreadsBenchmark\\\\.inline$", "forks": 1,
                "params": {"lock": ["GIL"]}}
             ]}
            """;

    @TempDir
    Path tmp;

    private final ByteArrayOutputStream out = new ByteArrayOutputStream();

    private int run(FakeJmh jmh) throws IOException {
        Path profile = tmp.resolve("tiny.json");
        Files.writeString(profile, PROFILE);
        return Cli.execute(new String[] {"run", "--profile", profile.toString(), "--results", tmp.resolve("r").toString(), "--runner", "box"},
                new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8), jmh);
    }

    private List<JsonNode> resultRows() throws IOException {
        try (Stream<Path> s = Files.walk(tmp.resolve("r"))) {
            Path file = s.filter(p -> p.toString().endsWith(".json") && !p.toString().endsWith(".env.json")).findFirst().orElseThrow();
            return JmhJson.rows(file);
        }
    }

    private static List<List<Integer>> forks(JsonNode row) {
        return Stream.iterate(0, i -> i < row.path("primaryMetric").path("rawData").size(), i -> i + 1)
                .map(i -> List.of(row.path("primaryMetric").path("rawData").get(i).get(0).asInt())).toList();
    }

    @Test
    void eachForkIsAPieceAndTheForksOfARowAreSpreadOverTheRun() throws IOException {
        FakeJmh jmh = new FakeJmh(0, Set.of());
        assertThat(run(jmh)).as(out.toString(StandardCharsets.UTF_8)).isZero();
        // fork k of 3 at (k - ½)/3 of the run; the one-fork row in the middle
        assertThat(jmh.ran).containsExactly(
                "DispatchBenchmark.run model=SEQUENTIAL workers=1", "DispatchBenchmark.run model=FORK_JOIN workers=1",
                "DispatchBenchmark.run model=SEQUENTIAL workers=1", "DispatchBenchmark.run model=FORK_JOIN workers=1",
                "ThreadsBenchmark.inline lock=GIL",
                "DispatchBenchmark.run model=SEQUENTIAL workers=1", "DispatchBenchmark.run model=FORK_JOIN workers=1");
        // JMH's progress covers one fork; the run says where it is in the whole
        assertThat(out.toString(StandardCharsets.UTF_8))
                .contains("[piece 1 of 7, about 0 min left] DispatchBenchmark.run model=SEQUENTIAL workers=1 (fork 1 of 3)")
                .contains("[piece 5 of 7, about 0 min left] ThreadsBenchmark.inline lock=GIL\n");

        List<JsonNode> rows = resultRows();
        assertThat(rows).extracting(r -> r.path("params").path("model").asText("-"))
                .containsExactly("SEQUENTIAL", "FORK_JOIN", "-");
        assertThat(rows).extracting(r -> r.path("forks").asInt()).containsExactly(3, 3, 1);
        // every fork exactly once, in the order it ran
        assertThat(forks(rows.get(0))).containsExactly(List.of(1), List.of(3), List.of(6));
        assertThat(forks(rows.get(1))).containsExactly(List.of(2), List.of(4), List.of(7));
        assertThat(forks(rows.get(2))).containsExactly(List.of(5));
        assertThat(rows.get(0).path("primaryMetric").path("score").asDouble()).isEqualTo(10.0 / 3);
    }

    @Test
    void aFailedForkIsReportedAndTheRowKeepsTheOthers() throws IOException {
        FakeJmh jmh = new FakeJmh(0, Set.of(3));
        assertThat(run(jmh)).isEqualTo(1);
        assertThat(out.toString(StandardCharsets.UTF_8))
                .contains("FAILED DispatchBenchmark.run model=SEQUENTIAL workers=1 (fork 2 of 3): fork crashed")
                .doesNotContain("FAILED DispatchBenchmark.run model=SEQUENTIAL workers=1\n");
        List<JsonNode> rows = resultRows();
        assertThat(rows.get(0).path("forks").asInt()).isEqualTo(2);
        assertThat(forks(rows.get(0))).containsExactly(List.of(1), List.of(6));
    }

    @Test
    void aRowWhoseEveryForkFailedIsMissingOnce() throws IOException {
        FakeJmh jmh = new FakeJmh(0, Set.of(2, 4, 7));
        assertThat(run(jmh)).isEqualTo(1);
        String text = out.toString(StandardCharsets.UTF_8);
        assertThat(text.lines().filter("FAILED DispatchBenchmark.run model=FORK_JOIN workers=1"::equals)).hasSize(1);
        assertThat(resultRows()).hasSize(2);
    }
}
