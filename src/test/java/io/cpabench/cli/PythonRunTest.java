package io.cpabench.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.cpabench.results.JmhJson;
import io.cpabench.run.FakeJmh;
import io.cpabench.run.FakePython;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code run --python}: the profile's cpython groups join the plan as one more configuration, their
 * pieces interleaved with the JVM's, filed under {@code <runner>/cpython<version>[t]/}, resumed like
 * any other; a bad interpreter is one line and exit 2. JMH is faked, and so is the interpreter (a shell
 * script that answers the harness's probe and writes one row per piece), except in one test.
 */
class PythonRunTest {
    private static final String PROFILE = """
            {"name": "tiny", "comparable": true,
             "defaults": {"forks": 2, "warmupIterations": 0, "measurementIterations": 1, "measurementTime": "100ms"},
             "groups": [
               {"name": "dispatch", "include": "^io\\\\.cpabench\\\\.bench\\\\.DispatchBenchmark\\\\.run$",
                "params": {"model": ["SEQUENTIAL"], "workers": [1]}},
               {"name": "cpython-cpu", "include": "^cpython\\\\.ScalingBenchmark\\\\.run$",
                "params": {"workload": ["CPU"], "model": ["SEQUENTIAL", "THREADS"], "workers": [2], "tasks": [2], "cpuSize": [200]}}
             ]}
            """;
    private static final String JVM_ONLY = """
            {"name": "tiny", "comparable": true,
             "defaults": {"forks": 2, "warmupIterations": 0, "measurementIterations": 1, "measurementTime": "100ms"},
             "groups": [
               {"name": "dispatch", "include": "^io\\\\.cpabench\\\\.bench\\\\.DispatchBenchmark\\\\.run$",
                "params": {"model": ["SEQUENTIAL"], "workers": [1]}}
             ]}
            """;

    @TempDir
    Path tmp;

    private Path profile;
    private Path results;
    private Path box;
    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();

    @BeforeEach
    void files() throws IOException {
        profile = tmp.resolve("tiny.json");
        Files.writeString(profile, PROFILE);
        results = tmp.resolve("r");
        box = results.resolve("box");
    }

    private int run(FakeJmh jmh, String... args) {
        out.reset();
        err.reset();
        return Cli.execute(args, new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8), jmh);
    }

    private int start(FakeJmh jmh, String... extra) {
        List<String> args = new ArrayList<>(List.of("run", "--profile", profile.toString(), "--results", results.toString(), "--runner", "box"));
        args.addAll(List.of(extra));
        return run(jmh, args.toArray(new String[0]));
    }

    private String stdout() {
        return out.toString(StandardCharsets.UTF_8);
    }

    private static Path onlyResult(Path dir) throws IOException {
        try (Stream<Path> s = Files.list(dir)) {
            List<Path> files = s.filter(p -> p.toString().endsWith(".json") && !p.toString().endsWith(".env.json")).toList();
            assertThat(files).as("result files in " + dir).hasSize(1);
            return files.get(0);
        }
    }

    @Test
    void theCpythonPiecesJoinThePlanInterleavedWithTheJvmsAndFileTheirOwnResultSet() throws IOException {
        Path python = FakePython.write(tmp.resolve("bin"), "python3", "3.11", "cpython3.11", false, Set.of());
        FakeJmh jmh = new FakeJmh(0, Set.of());

        assertThat(start(jmh, "--python", python.toString())).as(err.toString(StandardCharsets.UTF_8)).isZero();

        assertThat(jmh.ran).hasSize(2);
        assertThat(FakePython.ran(python)).hasSize(4).allMatch(l -> l.startsWith("cpython.ScalingBenchmark.run {"));
        // one order over both: the interpreter's forks and the JVM's alternate over the run
        List<String> progress = stdout().lines().filter(l -> l.startsWith("[piece ")).toList();
        assertThat(progress).hasSize(6);
        List<Boolean> isPython = progress.stream().map(l -> l.contains("] cpython3.11: ")).toList();
        assertThat(isPython).containsExactly(true, true, false, true, true, false);
        assertThat(progress.get(2)).contains("] JDK " + Runtime.version().feature() + ": DispatchBenchmark.run");

        Path py = onlyResult(box.resolve("cpython3.11"));
        List<JsonNode> rows = JmhJson.rows(py);
        assertThat(rows).extracting(r -> r.path("params").path("model").asText()).containsExactly("SEQUENTIAL", "THREADS");
        assertThat(rows).extracting(r -> r.path("forks").asInt()).containsExactly(2, 2);
        JsonNode env = new ObjectMapper().readTree(py.resolveSibling(py.getFileName().toString().replace(".json", ".env.json")).toFile());
        assertThat(env.path("interpreter").path("label").asText()).isEqualTo("cpython3.11");
        assertThat(env.path("runner").asText()).isEqualTo("box");
        assertThat(env.path("profile").asText()).isEqualTo("tiny");
        assertThat(env.path("machineLoad").isObject()).isTrue();
        onlyResult(box.resolve("jdk" + Runtime.version().feature()));
        // the pairing table is printed, and the report covers both sets
        assertThat(stdout()).contains("=== the imitation beside the real thing: jdk" + Runtime.version().feature() + " ↔ cpython3.11")
                .contains("report: ");
        assertThat(Files.readString(box.resolve("summary.md"))).contains("cpython3.11");
    }

    @Test
    void withoutPythonNothingChangesNotEvenTheDryRun() throws IOException {
        Path jvmOnly = tmp.resolve("jvm-only.json");
        Files.writeString(jvmOnly, JVM_ONLY);
        assertThat(run(new FakeJmh(0, Set.of()), "run", "--profile", profile.toString(), "--dry-run")).isZero();
        String with = stdout().replace(profile.toString(), "P");
        assertThat(run(new FakeJmh(0, Set.of()), "run", "--profile", jvmOnly.toString(), "--dry-run")).isZero();
        assertThat(with).isEqualTo(stdout().replace(jvmOnly.toString(), "P")).doesNotContain("cpython");
    }

    @Test
    void theDryRunCountsTheCpythonPiecesWhenAsked() throws IOException {
        Path python = FakePython.write(tmp.resolve("bin"), "python3", "3.11", "cpython3.11", false, Set.of());
        assertThat(run(new FakeJmh(0, Set.of()), "run", "--profile", profile.toString(), "--dry-run", "--python", python.toString())).isZero();
        assertThat(stdout()).contains("=== forks on CPython 3.11 (" + python + ")")
                .contains("cpython-cpu")
                .contains("all 1 JDK configuration and 1 CPython interpreter, pieces interleaved: 6 pieces");
        assertThat(results).doesNotExist();
    }

    @Test
    void aFreeThreadedBuildIsLabelledAndSaidSo() throws IOException {
        Path python = FakePython.write(tmp.resolve("bin"), "python3.13t", "3.13", "cpython3.13t", true, Set.of());
        assertThat(start(new FakeJmh(0, Set.of()), "--python", python.toString())).as(err.toString(StandardCharsets.UTF_8)).isZero();
        assertThat(stdout()).contains("CPython 3.13t (" + python + "): a free-threaded build, GIL off");
        onlyResult(box.resolve("cpython3.13t"));
    }

    @Test
    void aBenchmarkFailureOnCpythonIsAFailedPieceNotAStoppedRun() throws IOException {
        Path python = FakePython.write(tmp.resolve("bin"), "python3", "3.11", "cpython3.11", false, Set.of(2));
        assertThat(start(new FakeJmh(0, Set.of()), "--python", python.toString())).isEqualTo(1);
        assertThat(stdout()).contains("FAILED ScalingBenchmark.run workload=CPU model=THREADS workers=2 tasks=2 cpuSize=200 (fork 1 of 2):"
                + " cpabench_py: benchmark failed: fork 1: boom");
        assertThat(FakePython.ran(python)).hasSize(4);
    }

    @Test
    void aKilledRunResumesWithoutRunningTheCpythonPiecesAgain() throws IOException {
        Path python = FakePython.write(tmp.resolve("bin"), "python3", "3.11", "cpython3.11", false, Set.of());
        // the JVM's second piece is the run's last: every CPython piece has run by then
        assertThatThrownBy(() -> start(new FakeJmh(2, Set.of()), "--python", python.toString())).isInstanceOf(FakeJmh.Killed.class);
        assertThat(FakePython.ran(python)).hasSize(4);
        Path parts;
        try (Stream<Path> s = Files.list(box.resolve("cpython3.11"))) {
            parts = s.filter(p -> p.toString().endsWith(".parts")).findFirst().orElseThrow();
        }
        assertThat(Files.readString(parts.resolve("plan.json"))).contains("\"python\" : \"" + python + "\"");

        FakeJmh rest = new FakeJmh(0, Set.of());
        assertThat(run(rest, "run", "--resume", parts.toString())).as(err.toString(StandardCharsets.UTF_8)).isZero();
        assertThat(rest.ran).hasSize(1);
        assertThat(FakePython.ran(python)).hasSize(4);
        assertThat(JmhJson.rows(onlyResult(box.resolve("cpython3.11")))).extracting(r -> r.path("forks").asInt()).containsExactly(2, 2);
        onlyResult(box.resolve("jdk" + Runtime.version().feature()));
    }

    @Test
    void aBadInterpreterIsOneLineExit2AndNothingWritten() throws IOException {
        Path old = FakePython.write(tmp.resolve("bin"), "python3.8", "3.8", "cpython3.8", false, Set.of());
        Path notExecutable = Files.writeString(tmp.resolve("python-plain"), "#!/bin/sh\n");
        Path notPython = Files.writeString(tmp.resolve("bin").resolve("sh-ish"), "#!/bin/sh\necho hello\n");
        notPython.toFile().setExecutable(true);
        String[][] cases = {
                {tmp.resolve("nope").toString(), "does not exist"},
                {notExecutable.toString(), "is not executable"},
                {tmp.toString(), "is a directory"},
                {old.toString(), "is Python 3.8; the CPython harness needs Python 3.10 or newer"},
                {notPython.toString(), "not a Python interpreter"},
                {"no-such-python-anywhere", "no such interpreter on PATH"},
        };
        for (String[] c : cases) {
            assertThat(start(new FakeJmh(0, Set.of()), "--python", c[0])).as(c[0]).isEqualTo(2);
            String e = err.toString(StandardCharsets.UTF_8);
            assertThat(e).as(c[0]).contains("--python").contains(c[1]).doesNotContain("Exception").doesNotContain("\tat ");
            assertThat(e.strip().lines().count()).as(e).isEqualTo(1);
            assertThat(results).doesNotExist();
        }
    }

    @Test
    void theSameInterpreterTwiceIsRefused() throws IOException {
        Path a = FakePython.write(tmp.resolve("a"), "python3", "3.11", "cpython3.11", false, Set.of());
        Path b = FakePython.write(tmp.resolve("b"), "python3.11", "3.11", "cpython3.11", false, Set.of());
        assertThat(start(new FakeJmh(0, Set.of()), "--python", a.toString(), "--python", b.toString())).isEqualTo(2);
        assertThat(err.toString(StandardCharsets.UTF_8)).contains("are both cpython3.11");
    }

    @Test
    void theRealHarnessRunsAPieceOnThisMachinesPython3() throws IOException {
        // one test with the real thing: python3 (3.10+) and the harness packaged with this build
        Files.writeString(profile, PROFILE.replace("\"forks\": 2", "\"forks\": 1").replace("\"100ms\"", "\"50ms\"")
                .replace("\"SEQUENTIAL\", \"THREADS\"]", "\"SEQUENTIAL\"]"));
        assertThat(start(new FakeJmh(0, Set.of()), "--python", "python3")).as(err.toString(StandardCharsets.UTF_8)).isZero();
        Path dir;
        try (Stream<Path> s = Files.list(box)) {
            dir = s.filter(p -> p.getFileName().toString().matches("cpython3\\.\\d+t?")).findFirst().orElseThrow();
        }
        Path file = onlyResult(dir);
        List<JsonNode> rows = JmhJson.rows(file);
        assertThat(rows).hasSize(1);
        assertThat(rows.get(0).path("benchmark").asText()).isEqualTo("cpython.ScalingBenchmark.run");
        assertThat(rows.get(0).path("primaryMetric").path("score").asDouble()).isPositive();
        JsonNode env = new ObjectMapper().readTree(file.resolveSibling(file.getFileName().toString().replace(".json", ".env.json")).toFile());
        assertThat(env.path("interpreter").path("label").asText()).isEqualTo(dir.getFileName().toString());
        assertThat(env.path("interpreter").has("gilEnabled")).isTrue();
    }
}
