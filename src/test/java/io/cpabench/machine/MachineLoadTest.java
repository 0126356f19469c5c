package io.cpabench.machine;

import io.cpabench.results.PartsDir;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** What else the machine did while a piece measured: read from /proc, kept beside the piece, summed for the run. */
class MachineLoadTest {
    // user nice system idle iowait irq softirq steal guest guest_nice
    static final String CPU_0 = "cpu  1000 10 200 5000 30 0 40 5 900 0";
    static final String CPU_1 = "cpu  1600 10 300 5300 30 0 40 25 900 0";
    // a command name with spaces and a parenthesis; utime stime cutime cstime = 100 20 300 40
    static final String SELF_0 = "4242 (java (cpabench) x) S 1 4242 4242 0 -1 4194560 100 0 0 0 100 20 300 40 20 0 30 0";
    static final String SELF_1 = "4242 (java (cpabench) x) S 1 4242 4242 0 -1 4194560 100 0 0 0 150 30 700 60 20 0 30 0";
    static final Instant T = Instant.parse("2026-11-27T02:00:00Z");

    @TempDir
    Path root;

    @Test
    void procLinesParseIntoBusyStealTotalAndOwnTicks() {
        CpuTicks t = CpuTicks.parse(CPU_0, SELF_0).orElseThrow();
        // guest (900) is inside user already; idle and iowait are not busy; steal is apart
        assertThat(t).isEqualTo(new CpuTicks(1000 + 10 + 200 + 0 + 40, 5, 1250 + 5000 + 30 + 5, 100 + 20 + 300 + 40));
    }

    @Test
    void whatTheSuiteDidNotDoIsOtherProcesses() {
        MachineLoad l = MachineLoad.between("p", T, CpuTicks.parse(CPU_0, SELF_0).orElseThrow(), CpuTicks.parse(CPU_1, SELF_1).orElseThrow());
        // busy +700, own (self and reaped forks) +480: 220 ticks were someone else's
        assertThat(l.other()).isEqualTo(220);
        assertThat(l.steal()).isEqualTo(20);
        assertThat(l.total()).isEqualTo(700 + 300 + 20);
        assertThat(l.otherShare()).isEqualTo(220.0 / 1020);
        assertThat(l.lostShare()).isEqualTo(240.0 / 1020);
    }

    @Test
    void samplingJitterNeverMakesNegativeLoad() {
        CpuTicks a = new CpuTicks(100, 0, 1000, 50);
        CpuTicks b = new CpuTicks(180, 0, 1200, 140);
        assertThat(MachineLoad.between("p", T, a, b).other()).isZero();
    }

    @Test
    void noProcOrGarbageMeansNotMeasured() throws IOException {
        assertThat(CpuTicks.read(root)).isEmpty();
        assertThat(CpuTicks.parse("intr 1 2 3", SELF_0)).isEmpty();
        assertThat(CpuTicks.parse(CPU_0, "4242 (java) S 1")).isEmpty();
        assertThat(CpuTicks.parse("cpu  a b c d e f g", SELF_0)).isEmpty();
        write("proc/stat", CPU_0 + "\ncpu0 1 2 3 4 5 6 7 8\n");
        write("proc/self/stat", SELF_0 + "\n");
        assertThat(CpuTicks.read(root)).contains(CpuTicks.parse(CPU_0, SELF_0).orElseThrow());
    }

    @Test
    void thisMachineIsReadAndItsClockOnlyMovesForward() {
        // the tests run on Linux; elsewhere there is nothing to read and the load is "not measured"
        Optional<CpuTicks> a = CpuTicks.now();
        assertThat(a).isPresent();
        CpuTicks b = CpuTicks.now().orElseThrow();
        assertThat(b.total()).isGreaterThanOrEqualTo(a.get().total());
        assertThat(b.own()).isGreaterThanOrEqualTo(a.get().own());
    }

    @Test
    void aRunIsQuietUntilAPieceLosesATenthOfTheMachine() {
        MachineLoad quiet = new MachineLoad("001-a", T, 10, 0, 1000);
        MachineLoad busy = new MachineLoad("002-b", T.plusSeconds(5), 300, 20, 1000);
        MachineLoad busier = new MachineLoad("003-c", T.plusSeconds(10), 500, 0, 1000);
        assertThat(new RunLoad(List.of(quiet), 1).warning()).isEmpty();
        assertThat(new RunLoad(List.of(quiet), 1).line()).contains("over 1 pieces: other processes took 1.0% of the CPUs").contains("001-a");

        RunLoad run = new RunLoad(List.of(quiet, busy, busier), 4);
        assertThat(run.otherShare()).isEqualTo(810.0 / 3000);
        assertThat(run.busy()).extracting(MachineLoad::piece).containsExactly("003-c", "002-b");
        assertThat(run.warning()).hasValueSatisfying(w -> assertThat(w)
                .startsWith("WARNING machine busy: 2 of 3 pieces")
                .contains("003-c 50%; 002-b 32%"));
        var json = run.toJson();
        assertThat(json.path("piecesRun").asInt()).isEqualTo(4);
        assertThat(json.path("piecesMeasured").asInt()).isEqualTo(3);
        assertThat(json.path("busyPieces").get(0).path("piece").asText()).isEqualTo("003-c");
        assertThat(MachineLoad.of(json.path("pieces").get(1))).isEqualTo(busy);
    }

    @Test
    void aRunWithoutProcSaysSoInsteadOfLookingQuiet() {
        RunLoad none = new RunLoad(List.of(), 7);
        assertThat(none.line()).contains("not measured");
        assertThat(none.warning()).isEmpty();
        assertThat(none.toJson().path("otherShare").isNull()).isTrue();
    }

    @Test
    void aPieceKeepsItsLoadBesideItsRowsAndAnUnreadableOneIsNotFatal() throws IOException {
        PartsDir parts = PartsDir.create(root, T, "{}");
        MachineLoad l = new MachineLoad("001-a", T, 12, 3, 2000);
        parts.record("001-a", "[]\n", Optional.empty(), Optional.of(l));
        parts.record("002-b", "[]\n", Optional.empty(), Optional.empty());
        assertThat(parts.load("001-a")).contains(l);
        assertThat(parts.load("002-b")).isEmpty();
        Files.writeString(parts.path().resolve("003-c.load"), "{\"piece\": ");
        assertThat(parts.load("003-c")).isEmpty();
        Files.writeString(parts.path().resolve("004-d.load"), "{\"piece\": \"004-d\", \"start\": \"yesterday\", \"totalTicks\": 5}");
        assertThat(parts.load("004-d")).isEmpty();
        // a kill between the .load and the .json leaves a stale .load: the rerun replaces it
        parts.record("003-c", "[]\n", Optional.empty(), Optional.of(new MachineLoad("003-c", T, 1, 0, 10)));
        assertThat(parts.load("003-c")).contains(new MachineLoad("003-c", T, 1, 0, 10));
    }

    @Test
    void roundTripsTwoOrMoreTimesApartAreReportedAsTheCpusMoving() {
        MachineLoad near = new MachineLoad("001-a", T, 1, 0, 1000).withRoundTrip(60);
        MachineLoad nearToo = new MachineLoad("002-b", T.plusSeconds(5), 1, 0, 1000).withRoundTrip(95);
        MachineLoad far = new MachineLoad("003-c", T.plusSeconds(10), 1, 0, 1000).withRoundTrip(440);
        MachineLoad unmeasured = new MachineLoad("004-d", T.plusSeconds(15), 1, 0, 1000);

        RunLoad steady = new RunLoad(List.of(near, nearToo, unmeasured), 3);
        assertThat(steady.placementWarning()).as("60 and 95 ns: one placement").isEmpty();
        assertThat(steady.line()).endsWith("; core-to-core round trip 60–95 ns before the pieces");

        RunLoad moved = new RunLoad(List.of(near, nearToo, far, unmeasured), 4);
        assertThat(moved.placementWarning()).hasValueSatisfying(w -> assertThat(w)
                .startsWith("WARNING CPUs moved: the core-to-core round trip was 60 ns before some pieces and up to 440 ns before 1 of the 3 pieces measured"));
        var json = moved.toJson();
        assertThat(json.path("roundTripNanosMax").asDouble()).isEqualTo(440);
        assertThat(MachineLoad.of(json.path("pieces").get(2))).isEqualTo(far);
        assertThat(MachineLoad.of(json.path("pieces").get(3))).as("no reading stays no reading").isEqualTo(unmeasured);
        assertThat(json.path("pieces").get(3).has("roundTripNanos")).isFalse();

        assertThat(new RunLoad(List.of(unmeasured), 1).line()).doesNotContain("round trip");
        assertThat(new RunLoad(List.of(unmeasured), 1).placementWarning()).isEmpty();
    }

    @Test
    void theRoundTripIsMeasuredWhereTwoCpusAnswerAndLeavesNoThread() {
        var trip = CoreToCore.roundTripNanos();
        if (Runtime.getRuntime().availableProcessors() < 2) {
            assertThat(trip).isEmpty();
        } else {
            // empty only when the other thread could not run beside this one (a loaded machine)
            trip.ifPresent(ns -> assertThat(ns).isPositive().isLessThan(50_000_000.0 / 2_000));
        }
        // the probe joins its echo thread before it returns
        assertThat(Thread.getAllStackTraces().keySet()).noneMatch(t -> t.getName().equals("cpabench-core-to-core"));
    }

    private void write(String rel, String text) throws IOException {
        Path p = root.resolve(rel);
        Files.createDirectories(p.getParent());
        Files.writeString(p, text);
    }
}
