package io.cpabench.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.cpabench.results.JmhJson;
import io.cpabench.run.FakeJmh;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Forks until precise inside {@code run}, with JMH faked: the FORK_JOIN row's forks alternate 50 and
 * 150 (far wider than ±2% at any cap), every other row's forks are 100 within 0.1% (precise at once).
 * The plan: FORK_JOIN and SEQUENTIAL with 2 forks (cap 4), the threads row with 8 (cap 10), so after
 * FORK_JOIN's second fork three rounds are still to come, among which its two extra forks are spread.
 */
class ForksUntilPreciseRunTest {
    private static final String PROFILE = """
            {"name": "tiny", "comparable": true,
             "defaults": {"forks": 2, "warmupIterations": 0, "measurementIterations": 1, "measurementTime": "100ms",
                          "precision": "2%", "maxForks": 4},
             "groups": [
               {"name": "dispatch", "include": "^io\\\\.cpabench\\\\.bench\\\\.DispatchBenchmark\\\\.run$",
                "params": {"model": ["FORK_JOIN", "SEQUENTIAL"], "workers": [1]}},
               {"name": "threads", "include": "^io\\\\.cpabench\\\\.bench\\\\.ThreadsBenchmark\\\\.inline$", "forks": 8, "maxForks": 10,
                "params": {"lock": ["GIL"]}}
             ]}
            """;
    private static final String FJ = "DispatchBenchmark.run model=FORK_JOIN workers=1";
    private static final String SEQ = "DispatchBenchmark.run model=SEQUENTIAL workers=1";
    private static final String THR = "ThreadsBenchmark.inline lock=GIL";
    /** The whole run's order: FORK_JOIN's forks 3 and 4 at 1/3 and 2/3 of the three rounds left after its second. */
    private static final List<String> ORDER = List.of(THR, THR, FJ, SEQ, THR, THR, THR, THR, FJ, SEQ, FJ, THR, FJ, THR);

    @TempDir
    Path tmp;

    private Path profile;
    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();

    @BeforeEach
    void files() throws IOException {
        profile = Files.writeString(tmp.resolve("tiny.json"), PROFILE);
    }

    private static FakeJmh jmh(int killDuring) {
        return new FakeJmh(killDuring, Set.of()).scores((jdk, row, fork) -> row.equals(FJ) ? (fork % 2 == 1 ? 50.0 : 150.0) : 100 + 0.01 * fork);
    }

    private int run(FakeJmh jmh, String... args) {
        out.reset();
        err.reset();
        return Cli.execute(args, new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8), jmh);
    }

    private String[] runArgs(Path results, String... more) {
        List<String> a = new ArrayList<>(List.of("run", "--profile", profile.toString(), "--results", results.toString(), "--runner", "box"));
        a.addAll(List.of(more));
        return a.toArray(new String[0]);
    }

    private static Path file(Path dir, String suffix) throws IOException {
        try (Stream<Path> s = Files.list(dir)) {
            return s.filter(p -> p.getFileName().toString().endsWith(suffix) && !p.getFileName().toString().endsWith(".env.json")
                    || suffix.equals(".env.json") && p.getFileName().toString().endsWith(suffix)).findFirst().orElseThrow();
        }
    }

    private static Map<String, JsonNode> outcomes(Path jdkDir) throws IOException {
        Map<String, JsonNode> byModel = new LinkedHashMap<>();
        new ObjectMapper().readTree(file(jdkDir, ".env.json").toFile()).path("forksUntilPrecise")
                .forEach(o -> byModel.put(o.path("params").path("model").asText(o.path("params").path("lock").asText()), o));
        return byModel;
    }

    private static Map<String, Integer> forks(Path jdkDir) throws IOException {
        Map<String, Integer> byModel = new LinkedHashMap<>();
        JmhJson.rows(file(jdkDir, ".json")).forEach(r -> byModel.put(r.path("params").path("model").asText(r.path("params").path("lock").asText()),
                r.path("primaryMetric").path("rawData").size()));
        return byModel;
    }

    @Test
    void aPreciseRowStaysAndANoisyOneGrowsInterleavedToItsCapAndIsMarkedTooNoisy() throws IOException {
        FakeJmh jmh = jmh(0);
        Path results = tmp.resolve("r");
        assertThat(run(jmh, runArgs(results))).as(err.toString(StandardCharsets.UTF_8)).isZero();
        assertThat(jmh.ran).containsExactlyElementsOf(ORDER);
        Path jdk = results.resolve("box").resolve("jdk" + Runtime.version().feature());
        assertThat(forks(jdk)).containsEntry("FORK_JOIN", 4).containsEntry("SEQUENTIAL", 2).containsEntry("GIL", 8);
        Map<String, JsonNode> o = outcomes(jdk);
        assertThat(o.get("FORK_JOIN").path("outcome").asText()).isEqualTo("TOO_NOISY");
        assertThat(o.get("FORK_JOIN").path("forks").asInt()).isEqualTo(4);
        assertThat(o.get("FORK_JOIN").path("spread").asDouble()).isGreaterThan(0.5);
        assertThat(o.get("SEQUENTIAL").path("outcome").asText()).isEqualTo("PRECISE");
        assertThat(o.get("GIL").path("outcome").asText()).isEqualTo("PRECISE");
        assertThat(o.get("GIL").path("maxForks").asInt()).isEqualTo(10);
        String text = out.toString(StandardCharsets.UTF_8);
        assertThat(text).contains("[forks until precise] dispatch t1 " + FJ + ": 2 more forks (2 → 4, ±2%, at most 4 forks)")
                .contains("[piece 11 of 14, about 0 min left] " + FJ + " (fork 3 of 4)")
                .contains("forks until precise: 2 of 3 rows within their precision, 1 too noisy on this machine")
                .contains("too noisy on this machine: " + FJ + ": spread ");
        // the run's summary.md names it too
        assertThat(Files.readString(jdk.resolve("summary.md"))).contains("## Forks until precise")
                .contains("2 of 3 rows that forked until precise reached it; 1 too noisy on this machine");
    }

    @Test
    void withoutATargetNothingChanges() throws IOException {
        FakeJmh jmh = new FakeJmh(0, Set.of());
        Path plain = Files.writeString(tmp.resolve("plain.json"), PROFILE.replace("\"precision\": \"2%\", \"maxForks\": 4", "\"threads\": [1]")
                .replace(", \"maxForks\": 10", ""));
        assertThat(run(jmh, "run", "--profile", plain.toString(), "--results", tmp.resolve("p").toString(), "--runner", "box")).isZero();
        // the plan's own order, no row grown, and nothing about precision in the files
        assertThat(jmh.ran).containsExactly(THR, THR, FJ, SEQ, THR, THR, THR, THR, FJ, SEQ, THR, THR);
        Path jdk = tmp.resolve("p").resolve("box").resolve("jdk" + Runtime.version().feature());
        assertThat(Files.readString(file(jdk, ".env.json"))).doesNotContain("forksUntilPrecise");
        assertThat(out.toString(StandardCharsets.UTF_8)).doesNotContain("forks until precise");

        FakeJmh killed = new FakeJmh(3, Set.of());
        assertThatThrownBy(() -> run(killed, "run", "--profile", plain.toString(), "--results", tmp.resolve("k").toString(), "--runner", "box"))
                .isInstanceOf(FakeJmh.Killed.class);
        Path parts = file(tmp.resolve("k").resolve("box").resolve("jdk" + Runtime.version().feature()), ".parts");
        assertThat(Files.readString(parts.resolve("plan.json"))).doesNotContain("precision").doesNotContain("maxForks");
        assertThat(parts.resolve("growth.json")).doesNotExist();

        run(jmh, "run", "--profile", plain.toString(), "--dry-run");
        assertThat(out.toString(StandardCharsets.UTF_8)).doesNotContain("until ±").doesNotContain("grow to their cap");
    }

    @Test
    void aKillDuringAnExtraForkResumesToTheSameForks() throws IOException {
        List<String> whole = ORDER;
        Path results = tmp.resolve("r");
        // the 11th piece is FORK_JOIN's first extra fork
        assertThatThrownBy(() -> run(jmh(11), runArgs(results))).isInstanceOf(FakeJmh.Killed.class);
        Path jdk = results.resolve("box").resolve("jdk" + Runtime.version().feature());
        Path parts = file(jdk, ".parts");
        JsonNode growth = new ObjectMapper().readTree(parts.resolve("growth.json").toFile());
        assertThat(growth.path("grown")).hasSize(1);
        assertThat(growth.path("grown").get(0).path("row").asText()).isEqualTo("dispatch t1 " + FJ);
        assertThat(growth.path("grown").get(0).path("to").asInt()).isEqualTo(4);

        FakeJmh rest = jmh(0);
        assertThat(run(rest, "run", "--resume", parts.toString())).as(err.toString(StandardCharsets.UTF_8)).isZero();
        assertThat(rest.ran).containsExactlyElementsOf(whole.subList(10, whole.size()));
        assertThat(forks(jdk)).containsEntry("FORK_JOIN", 4).containsEntry("SEQUENTIAL", 2).containsEntry("GIL", 8);
        assertThat(outcomes(jdk).get("FORK_JOIN").path("outcome").asText()).isEqualTo("TOO_NOISY");
        assertThat(Files.readString(file(jdk, ".env.json"))).contains("resumed: 10 of 14 pieces ran before the resume");
    }

    /** Only JDK 25's FORK_JOIN forks are noisy: the row grows on JDK 17 as well, in the same rounds, and only 25's is too noisy. */
    @Test
    void extraForksStayInRoundsAcrossJdks() throws IOException {
        FakeJmh jmh = new FakeJmh(0, Set.of())
                .scores((label, row, fork) -> row.equals(FJ) && label.equals("25") ? (fork % 2 == 1 ? 50.0 : 150.0) : 100 + 0.01 * fork);
        Path results = tmp.resolve("r");
        assertThat(run(jmh, runArgs(results, "--jdk", "17=" + fakeJava(17), "--jdk", "25=" + fakeJava(25))))
                .as(err.toString(StandardCharsets.UTF_8)).isZero();
        assertThat(jmh.ran).hasSize(2 * ORDER.size());
        for (int k = 0; k < jmh.ran.size(); k += 2) {
            assertThat(jmh.ran.get(k)).isEqualTo(ORDER.get(k / 2)).isEqualTo(jmh.ran.get(k + 1));
            assertThat(Set.of(jmh.ranOn.get(k), jmh.ranOn.get(k + 1))).isEqualTo(Set.of("17", "25"));
        }
        for (String label : List.of("17", "25")) {
            assertThat(forks(results.resolve("box").resolve("jdk" + label))).containsEntry("FORK_JOIN", 4).containsEntry("SEQUENTIAL", 2);
        }
        assertThat(outcomes(results.resolve("box").resolve("jdk17")).get("FORK_JOIN").path("outcome").asText()).isEqualTo("PRECISE");
        assertThat(outcomes(results.resolve("box").resolve("jdk25")).get("FORK_JOIN").path("outcome").asText()).isEqualTo("TOO_NOISY");
        // the compare across them shows the too-noisy row apart, and so does the report's diff
        assertThat(out.toString(StandardCharsets.UTF_8)).contains("too noisy on this machine, not judged");
        assertThat(Files.readString(results.resolve("box").resolve("summary.md")))
                .contains("too noisy on this machine (new: spread 63% after 4 forks").doesNotContain("| slower |");
    }

    @Test
    void badTargetsAreOneLineErrors() throws IOException {
        Path results = tmp.resolve("bad");
        assertBad(run(jmh(0), runArgs(results, "--precision", "0%", "--max-forks", "5")), "bad --precision '0%': expected a percentage in (0%, 100%)");
        assertBad(run(jmh(0), runArgs(results, "--precision", "two", "--max-forks", "5")), "bad --precision 'two'");
        assertBad(run(jmh(0), runArgs(results, "--precision", "2%", "--max-forks", "1")), "bad --max-forks 1: expected an integer in [2, 1000]");
        assertBad(run(jmh(0), runArgs(results, "--max-forks", "3")), "max forks 3 is below its 8 planned forks; valid: 8 to 1000");
        Path none = Files.writeString(tmp.resolve("none.json"), PROFILE.replace("\"precision\": \"2%\", \"maxForks\": 4", "\"threads\": [1]")
                .replace(", \"maxForks\": 10", ""));
        assertBad(run(jmh(0), "run", "--profile", none.toString(), "--precision", "2%", "--dry-run"),
                "--precision needs --max-forks: profile 'tiny' group 'dispatch' sets neither");
        for (String[] bad : List.of(new String[] {"\"precision\": \"2%\"", "\"precision\": \"2\""},
                new String[] {"\"precision\": \"2%\"", "\"precision\": 2"},
                new String[] {"\"maxForks\": 4", "\"maxForks\": 1"},
                new String[] {"\"maxForks\": 4", "\"maxForks\": 1001"},
                new String[] {"\"maxForks\": 4", "\"maxForkz\": 4"},
                new String[] {", \"maxForks\": 4", ""})) {
            Path p = Files.writeString(tmp.resolve("p.json"), PROFILE.replace(bad[0], bad[1]));
            assertBad(run(jmh(0), "run", "--profile", p.toString(), "--dry-run"), "profile");
        }
        assertThat(results).doesNotExist();
    }

    @Test
    void theDryRunSaysTheWorstCaseItAssumes() {
        assertThat(run(jmh(0), "run", "--profile", profile.toString(), "--dry-run")).isZero();
        assertThat(out.toString(StandardCharsets.UTF_8))
                .contains("forks=2 warmup=0×1s measure=1×100ms until ±2% or 4")
                .contains("with the planned forks; ")
                .contains(" with forks until precise (assumed: the worst case, all 3 rows that fork until precise grow to their cap;");
    }

    /** FORK_JOIN spread far past ±2% (to its cap of 4), SEQUENTIAL well within it (its 2), the threads row not measured (its cap of 10). */
    @Test
    void withANoiseFloorTheDryRunExpectsEachRowsOwnForks() throws IOException {
        Path floor = Files.writeString(tmp.resolve("floor.json"), """
                {"kind": "cpabench noise floor", "alpha": 0.05, "power": 0.8, "sets": [{"label": "", "old": "a", "new": "b", "rows": [
                  {"benchmark": "io.cpabench.bench.DispatchBenchmark.run", "mode": "avgt", "threads": 1,
                   "params": {"model": "FORK_JOIN", "workers": "1", "tasks": "64"}, "old_spread": 0.5, "new_spread": 0.4},
                  {"benchmark": "io.cpabench.bench.DispatchBenchmark.run", "mode": "avgt", "threads": 1,
                   "params": {"model": "SEQUENTIAL", "workers": "1"}, "old_spread": 0.001, "new_spread": 0.002}]}]}
                """);
        assertThat(run(jmh(0), "run", "--profile", profile.toString(), "--dry-run", "--noise-floor", floor.toString())).isZero();
        // 1.6 s a fork: 12 planned forks 19 s; expected 4 + 2 + 10 = 16 forks, 26 s (the worst case, 18 forks, would be 29 s)
        assertThat(out.toString(StandardCharsets.UTF_8)).contains("estimated 0 min 19 s with the planned forks; 0 min 26 s with forks until precise (2 rows at the spread "
                + floor + " measured, 1 not in it assumed to grow to their cap)");
        assertBad(run(jmh(0), runArgs(tmp.resolve("x"), "--noise-floor", floor.toString())), "--noise-floor only estimates (with --dry-run)");
        assertBad(run(jmh(0), "run", "--profile", profile.toString(), "--dry-run", "--noise-floor", profile.toString()), "not a noise-floor file");
    }

    private void assertBad(int code, String expected) {
        assertThat(code).as(out.toString(StandardCharsets.UTF_8)).isEqualTo(2);
        assertThat(err.toString(StandardCharsets.UTF_8).lines()).hasSize(1);
        assertThat(err.toString(StandardCharsets.UTF_8)).contains(expected);
    }

    /** A stand-in java that only answers -version, as a real one does (on stderr); FakeJmh starts no fork. */
    private String fakeJava(int major) throws IOException {
        Path p = tmp.resolve("java" + major);
        Files.writeString(p, "#!/bin/sh\necho 'openjdk version \"" + major + "\" 2025-09-16' >&2\n");
        Files.setPosixFilePermissions(p, PosixFilePermissions.fromString("rwxr-xr-x"));
        return p.toString();
    }
}
