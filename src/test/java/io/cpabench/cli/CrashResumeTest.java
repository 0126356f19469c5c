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
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A run killed in the middle of a piece, then resumed: the finished pieces stay on disk and are not run
 * again, the interrupted one is, and the merged file holds every row in plan order. JMH is faked, so
 * this is deterministic and starts no fork.
 */
class CrashResumeTest {
    static final String PROFILE = """
            {"name": "tiny", "comparable": true,
             "defaults": {"forks": 1, "warmupIterations": 0, "measurementIterations": 1, "measurementTime": "100ms"},
             "groups": [
               {"name": "dispatch", "include": "^io\\\\.cpabench\\\\.bench\\\\.DispatchBenchmark\\\\.run$",
                "params": {"model": ["SEQUENTIAL", "FORK_JOIN", "GIL_THREADS"], "workers": [1, 2]}},
               {"name": "threads", "include": "^io\\\\.cpabench\\\\.bench\\\\.ThreadsBenchmark\\\\.inline$",
                "params": {"lock": ["NONE", "GIL"]}, "threads": [1, 2]}
             ]}
            """;
    private static final int PIECES = 3 * 2 + 2 * 2;

    @TempDir
    Path tmp;

    private Path results;
    private Path profile;
    private Path jdkDir;
    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();

    @BeforeEach
    void files() throws IOException {
        results = tmp.resolve("results");
        profile = tmp.resolve("tiny.json");
        Files.writeString(profile, PROFILE);
        jdkDir = results.resolve("box").resolve("jdk" + Runtime.version().feature());
    }

    private int run(FakeJmh jmh, String... args) {
        out.reset();
        err.reset();
        return Cli.execute(args, new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8), jmh);
    }

    private void startAndKill(FakeJmh jmh) {
        assertThatThrownBy(() -> run(jmh, "run", "--profile", profile.toString(), "--results", results.toString(), "--runner", "box"))
                .isInstanceOf(FakeJmh.Killed.class);
    }

    /** Every plan piece in order, as the fake describes them, from an uninterrupted run. */
    private List<String> planOrder() throws IOException {
        FakeJmh all = new FakeJmh(0, Set.of());
        Path elsewhere = tmp.resolve("reference");
        int code = run(all, "run", "--profile", profile.toString(), "--results", elsewhere.toString(), "--runner", "box");
        assertThat(code).as(err.toString(StandardCharsets.UTF_8)).isZero();
        return all.ran;
    }

    private Path partsDir() throws IOException {
        return onlyParts(jdkDir);
    }

    private Map<String, String> contents(Path dir) throws IOException {
        Map<String, String> m = new TreeMap<>();
        try (Stream<Path> s = Files.list(dir)) {
            for (Path p : s.toList()) {
                m.put(p.getFileName().toString(), Files.readString(p));
            }
        }
        return m;
    }

    private List<String> names(Path dir) throws IOException {
        try (Stream<Path> s = Files.list(dir)) {
            return s.map(p -> p.getFileName().toString()).sorted().toList();
        }
    }

    @Test
    void killedRunKeepsFinishedPiecesAndResumeRunsOnlyTheRest() throws IOException {
        List<String> plan = planOrder();
        assertThat(plan).hasSize(PIECES);

        startAndKill(new FakeJmh(5, Set.of()));
        Path parts = partsDir();
        // four finished pieces and the plan; the fifth died while JMH was writing: only its hidden scratch file
        List<String> files = names(parts);
        assertThat(files).contains("plan.json").filteredOn(f -> f.matches("\\d{3}-.*\\.json")).hasSize(4)
                .allSatisfy(f -> assertThat(f).matches("00[1-4]-dispatch-t1-model=\\w+-workers=\\d\\.json"));
        assertThat(files).filteredOn(f -> f.startsWith(".")).containsExactly(".005-dispatch-t1-model=GIL_THREADS-workers=1.running");
        assertThat(names(jdkDir)).containsExactly(parts.getFileName().toString());

        FakeJmh rest = new FakeJmh(0, Set.of());
        assertThat(run(rest, "run", "--resume", jdkDir.toString())).as(err.toString(StandardCharsets.UTF_8)).isZero();
        assertThat(out.toString(StandardCharsets.UTF_8)).contains("4 of 10 pieces done, 6 to run");
        assertThat(rest.ran).isEqualTo(plan.subList(4, PIECES));

        // one result file named for the original start, its env file, and no parts left
        String stamp = parts.getFileName().toString().replace(".parts", "");
        // (and the report, written after a resumed run as after any other)
        assertThat(names(jdkDir)).containsExactly(stamp + ".env.json", stamp + ".json", "report.html", "summary.md");
        List<JsonNode> rows = JmhJson.rows(jdkDir.resolve(stamp + ".json"));
        List<String> merged = new ArrayList<>();
        for (JsonNode r : rows) {
            merged.add(describe(r));
        }
        assertThat(merged).isEqualTo(plan);
        // scores say which process ran each row: 1..4 before the kill, 1..6 after it
        assertThat(rows).extracting(r -> r.path("primaryMetric").path("score").asInt()).containsExactly(1, 2, 3, 4, 1, 2, 3, 4, 5, 6);
        JsonNode env = new ObjectMapper().readTree(jdkDir.resolve(stamp + ".env.json").toFile());
        assertThat(env.toString()).contains("resumed: 4 of 10 pieces ran before the resume");
    }

    /** A stand-in java that only answers -version, as a real one does (on stderr); FakeJmh starts no fork. */
    private String fakeJava(int major) throws IOException {
        return fakeJava(tmp, major);
    }

    static String fakeJava(Path dir, int major) throws IOException {
        Path p = dir.resolve("java" + major);
        Files.writeString(p, "#!/bin/sh\necho 'openjdk version \"" + major + "\" 2025-09-16' >&2\n");
        Files.setPosixFilePermissions(p, PosixFilePermissions.fromString("rwxr-xr-x"));
        return p.toString();
    }

    @Test
    void anInterleavedRunKilledPartWayResumesEveryJdkInTheSameOrderAndPrintsTheCompare() throws IOException {
        String j17 = fakeJava(17);
        String j25 = fakeJava(25);
        FakeJmh first = new FakeJmh(5, Set.of());
        assertThatThrownBy(() -> run(first, "run", "--profile", profile.toString(), "--results", results.toString(),
                "--runner", "box", "--jdk", "17=" + j17, "--jdk", "25-x=" + j25, "--jdk-args", "25-x=-Dcpabench.cpuScale=1.05"))
                .isInstanceOf(FakeJmh.Killed.class);
        Path box = results.resolve("box");
        Path parts17 = onlyParts(box.resolve("jdk17"));
        Path parts25 = onlyParts(box.resolve("jdk25-x"));
        String stamp = parts17.getFileName().toString().replace(".parts", "");
        assertThat(parts25.getFileName()).isEqualTo(parts17.getFileName());

        // one resume, given either JDK's parts (here the runner's directory, which holds both), finishes both
        FakeJmh rest = new FakeJmh(0, Set.of());
        assertThat(run(rest, "run", "--resume", box.toString())).as(err.toString(StandardCharsets.UTF_8)).isZero();
        assertThat(out.toString(StandardCharsets.UTF_8))
                .contains("=== compare " + box.resolve("jdk17").resolve(stamp + ".json") + " → " + box.resolve("jdk25-x").resolve(stamp + ".json"))
                .contains("rows compared");

        // before and after the kill, one order: each round is fork k of one row on both JDKs
        List<String> rows = new ArrayList<>(first.ran);
        rows.addAll(rest.ran);
        List<String> on = new ArrayList<>(first.ranOn);
        on.addAll(rest.ranOn);
        assertThat(rows).hasSize(2 * PIECES);
        for (int k = 0; k < rows.size(); k += 2) {
            assertThat(rows.get(k)).isEqualTo(rows.get(k + 1));
            assertThat(Set.of(on.get(k), on.get(k + 1))).isEqualTo(Set.of("17", "25-x"));
        }
        // the plan's seed decided the order inside the rounds; a resume replays it
        String seed = new ObjectMapper().readTree(Files.readString(box.resolve("jdk17").resolve(stamp + ".env.json")))
                .path("notes").toString().replaceAll(".*\\(seed (-?\\d+)\\).*", "$1");
        assertThat(seed).matches("-?\\d+");
        // the per-label options reached that label's forks only
        for (int k = 0; k < rows.size(); k++) {
            List<String> args = k < first.jvmArgs.size() ? first.jvmArgs.get(k) : rest.jvmArgs.get(k - first.jvmArgs.size());
            assertThat(args.contains("-Dcpabench.cpuScale=1.05")).isEqualTo(on.get(k).equals("25-x"));
        }
        // both environment files span the same time and name their configuration
        JsonNode env17 = new ObjectMapper().readTree(box.resolve("jdk17").resolve(stamp + ".env.json").toFile());
        JsonNode env25 = new ObjectMapper().readTree(box.resolve("jdk25-x").resolve(stamp + ".env.json").toFile());
        assertThat(env17.path("start")).isEqualTo(env25.path("start"));
        assertThat(env25.path("jdkLabel").asText()).isEqualTo("25-x");
        assertThat(env25.path("jdkArgs").get(0).asText()).isEqualTo("-Dcpabench.cpuScale=1.05");
        assertThat(env25.path("notes").toString()).contains("interleaved with JDK 17");
    }

    @Test
    void aResumeAfterTheFirstJdkWasMergedFinishesTheOtherAndCompares() throws IOException {
        String j17 = fakeJava(17);
        String j25 = fakeJava(25);
        // killed during the last piece, which is JDK 17's or JDK 25's
        FakeJmh killed = new FakeJmh(2 * PIECES, Set.of());
        Path r2 = tmp.resolve("r2");
        assertThatThrownBy(() -> run(killed, "run", "--profile", profile.toString(), "--results", r2.toString(),
                "--runner", "box", "--jdk", "17=" + j17, "--jdk", "25=" + j25)).isInstanceOf(FakeJmh.Killed.class);
        Path p17 = onlyParts(r2.resolve("box").resolve("jdk17"));
        String name = p17.getFileName().toString().replace(".parts", "");
        // as if JDK 17 had been merged before the kill: its result file is there, its parts are gone
        List<Path> pieces17;
        try (Stream<Path> s = Files.list(p17)) {
            pieces17 = s.filter(p -> !p.getFileName().toString().equals("plan.json") && p.toString().endsWith(".json")).sorted().toList();
        }
        Files.writeString(r2.resolve("box").resolve("jdk17").resolve(name + ".json"), JmhJson.toJson(JmhJson.merge(pieces17)));
        try (Stream<Path> s = Files.walk(p17)) {
            s.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        }
        FakeJmh rest = new FakeJmh(0, Set.of());
        assertThat(run(rest, "run", "--resume", r2.resolve("box").resolve("jdk25").toString())).as(err.toString(StandardCharsets.UTF_8)).isZero();
        assertThat(rest.ranOn).hasSizeLessThanOrEqualTo(1).allMatch("25"::equals);
        assertThat(out.toString(StandardCharsets.UTF_8)).contains("=== compare " + r2.resolve("box").resolve("jdk17").resolve(name + ".json"));
    }

    @Test
    void aResumeOfAOneJdkRunComparesNothing() throws IOException {
        startAndKill(new FakeJmh(2, Set.of()));
        assertThat(run(new FakeJmh(0, Set.of()), "run", "--resume", jdkDir.toString())).isZero();
        assertThat(out.toString(StandardCharsets.UTF_8)).doesNotContain("=== compare").doesNotContain("compare across JDKs");
    }

    private Path onlyParts(Path dir) throws IOException {
        try (Stream<Path> s = Files.list(dir)) {
            List<Path> parts = s.filter(p -> p.getFileName().toString().endsWith(".parts")).toList();
            assertThat(parts).hasSize(1);
            return parts.get(0);
        }
    }

    @Test
    void failedPiecesAreRecordedAndCountAfterAResume() throws IOException {
        startAndKill(new FakeJmh(4, Set.of(2)));
        Path parts = partsDir();
        assertThat(names(parts)).contains("002-dispatch-t1-model=SEQUENTIAL-workers=2.error", "002-dispatch-t1-model=SEQUENTIAL-workers=2.json");

        FakeJmh rest = new FakeJmh(0, Set.of());
        assertThat(run(rest, "run", "--resume", parts.toString())).isEqualTo(1);
        // a failed piece is finished: the resume does not retry it
        assertThat(rest.ran).hasSize(PIECES - 3);
        assertThat(out.toString(StandardCharsets.UTF_8))
                .contains("FAILED DispatchBenchmark.run model=SEQUENTIAL workers=2: fork crashed")
                // once: the missing row is the failed piece, already listed with its reason
                .doesNotContain("FAILED DispatchBenchmark.run model=SEQUENTIAL workers=2\n");
        assertThat(names(jdkDir)).noneMatch(f -> f.endsWith(".parts")).filteredOn(f -> f.endsWith(".json")).hasSize(2);
    }

    @Test
    void resumeRefusesBadInputAndLosesNothing() throws IOException {
        startAndKill(new FakeJmh(3, Set.of()));
        Path parts = partsDir();
        Map<String, String> before = contents(parts);

        assertBadInput(run(new FakeJmh(0, Set.of()), "run", "--resume", tmp.resolve("nope").toString()), "no such directory");
        assertBadInput(run(new FakeJmh(0, Set.of()), "run", "--resume", tmp.toString(), "--profile", "smoke"), "give it alone");
        Files.createDirectory(tmp.resolve("empty"));
        assertBadInput(run(new FakeJmh(0, Set.of()), "run", "--resume", tmp.resolve("empty").toString()), "no unfinished run");
        assertThat(contents(parts)).isEqualTo(before);

        // the profile file changed since the run started
        Files.writeString(profile, PROFILE.replace("\"GIL_THREADS\"", "\"EVENT_LOOP\""));
        assertBadInput(run(new FakeJmh(0, Set.of()), "run", "--resume", parts.toString()), "has changed since the run");
        Files.writeString(profile, PROFILE);
        assertThat(contents(parts)).isEqualTo(before);

        // a second unfinished run in the same directory: name both, choose none
        startAndKill(new FakeJmh(1, Set.of()));
        String e = assertBadInput(run(new FakeJmh(0, Set.of()), "run", "--resume", jdkDir.toString()), "2 unfinished runs, name one");
        try (Stream<Path> s = Files.list(jdkDir)) {
            s.filter(p -> p.toString().endsWith(".parts")).forEach(p -> assertThat(e).contains(p.toString()));
        }

        // a corrupt plan
        Files.writeString(parts.resolve("plan.json"), "{\"cpabenchPlan\": 1, \"profile\": ");
        before.put("plan.json", Files.readString(parts.resolve("plan.json")));
        assertBadInput(run(new FakeJmh(0, Set.of()), "run", "--resume", parts.toString()), "plan.json is corrupt");
        assertThat(contents(parts)).isEqualTo(before);
    }

    @Test
    void coresOnlyPlans() {
        assertBadInput(run(new FakeJmh(0, Set.of()), "run", "--cores", "16", "--results", results.toString()), "--cores only plans");
        assertThat(run(new FakeJmh(0, Set.of()), "run", "--profile", "nightly", "--dry-run", "--cores", "16")).isZero();
        assertThat(out.toString(StandardCharsets.UTF_8)).contains("workers = 1,2,4,8,16\n").doesNotContain("16,32");
        assertThat(results).doesNotExist();
    }

    private String assertBadInput(int code, String expected) {
        String e = err.toString(StandardCharsets.UTF_8);
        assertThat(code).as(e).isEqualTo(2);
        assertThat(e.lines()).hasSize(1);
        assertThat(e).contains(expected);
        return e;
    }

    private static String describe(JsonNode row) {
        StringBuilder s = new StringBuilder(row.path("benchmark").asText().replaceFirst("^.*\\.(\\w+\\.\\w+)$", "$1"));
        if (row.path("threads").asInt() != 1) {
            s.append(" threads=").append(row.path("threads").asInt());
        }
        row.path("params").fields().forEachRemaining(f -> s.append(' ').append(f.getKey()).append('=').append(f.getValue().asText()));
        return s.toString();
    }
}
