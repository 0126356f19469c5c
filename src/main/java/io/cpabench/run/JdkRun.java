package io.cpabench.run;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import io.cpabench.results.AtomicFiles;
import io.cpabench.machine.CpuTicks;
import io.cpabench.results.EnvironmentFile;
import io.cpabench.machine.ForkJvm;
import io.cpabench.results.ForkMerge;
import io.cpabench.tables.HeadlineTables;
import io.cpabench.results.JmhJson;
import io.cpabench.results.JmhRow;
import io.cpabench.tables.LatencyTable;
import io.cpabench.machine.CoreToCore;
import io.cpabench.machine.MachineLoad;
import io.cpabench.results.PartsDir;
import io.cpabench.results.PrecisionOutcome;
import io.cpabench.results.ResultPaths;
import io.cpabench.results.RunInfo;
import io.cpabench.machine.RunLoad;
import io.cpabench.scaling.ScalingReport;
import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.Set;
import java.util.TreeMap;

/**
 * One plan on one JDK configuration: its pieces, run one at a time as the run's schedule calls them and
 * each filed in its parts directory as soon as it ends; then one merged result file plus its
 * environment file beside the parts directory, which goes, and the tables read from it. A fresh run and
 * a resumed one take the same path.
 */
final class JdkRun {
    /** The result file written (empty when nothing ran) and whether anything failed. */
    record Outcome(Optional<Path> file, boolean failed) {}

    private final PrintStream out;
    private final Profile profile;
    private final String runner;
    private final int cores;
    private final ForkTarget jdk;
    private final PartsDir parts;
    // the plan's pieces, then the forks rows got until precise, as the run adds them
    private final List<Piece> pieces;
    private final PieceRunner pieceRunner;
    private int ranHere;

    JdkRun(PrintStream out, Profile profile, JmhExtras extras, String runner, int cores, PieceRunner.Factory pieceRunners,
           ForkTarget jdk, PartsDir parts, List<Piece> pieces) {
        this.out = out;
        this.profile = profile;
        this.runner = runner;
        this.cores = cores;
        this.jdk = jdk;
        this.parts = parts;
        this.pieces = new ArrayList<>(pieces);
        this.pieceRunner = pieceRunners.forTarget(jdk, extras);
    }

    ForkTarget jdk() {
        return jdk;
    }

    PartsDir parts() {
        return parts;
    }

    List<Piece> pieces() {
        return List.copyOf(pieces);
    }

    /** A fork a row grew by (see {@link ExtraForks}); it runs when the schedule calls it. */
    void add(Piece extra) {
        pieces.add(extra);
    }

    boolean done(Piece p) {
        return parts.done(p.id());
    }

    /** Runs one piece through JMH and files it, with the machine's load while it ran. */
    void run(Piece p) throws IOException {
        Path scratch = parts.scratch(p.id());
        // before the piece, so that its 20 ms of spinning is not counted as the machine's other load
        OptionalDouble roundTrip = CoreToCore.roundTripNanos();
        Instant pieceStart = Instant.now();
        Optional<CpuTicks> before = CpuTicks.now();
        PieceOutcome o = pieceRunner.run(p.run(), scratch);
        if (o.outside()) {
            // not the benchmark's failure: filed as failed, the piece would never run again
            throw PieceNotRun.stop(parts, p.describe(), o.error().orElse("unknown"));
        }
        Optional<MachineLoad> load = before.flatMap(b -> CpuTicks.now().map(a -> MachineLoad.between(p.id(), pieceStart, b, a)
                .withRoundTrip(roundTrip.orElse(Double.NaN))));
        Optional<String> error = o.error();
        String json;
        try {
            json = JmhJson.toJson(JmhJson.merge(List.of(scratch)));
        } catch (UncheckedIOException | IllegalArgumentException e) {
            // JMH died while writing: the piece is finished, and failed, with no rows.
            json = "[]" + System.lineSeparator();
            error = Optional.of(error.orElse("unreadable JMH result: " + e.getMessage()));
        }
        parts.record(p.id(), json, error, load);
        Files.deleteIfExists(scratch);
        ranHere++;
    }

    /**
     * Merges every piece into the result file, once all have run.
     *
     * @param start when the run first started: the result file is named for it, a resumed run keeps it,
     *              and the environment file's span starts there (every JDK of an interleaved run ran
     *              over the whole of it)
     */
    Outcome finish(Instant start, List<String> notes) throws IOException {
        List<String> allNotes = new ArrayList<>(notes);
        long doneBefore = pieces.stream().filter(this::done).count() - ranHere;
        if (doneBefore > 0) {
            // The rows come from more than one process (and maybe hours apart): say so beside them.
            allNotes.add("resumed: " + doneBefore + " of " + pieces.size() + " pieces ran before the resume");
        }
        List<JsonNode> pieceRows = new ArrayList<>();
        List<String> failures = new ArrayList<>();
        Set<String> saidWhy = new HashSet<>();
        // in plan order, so the merged file lists rows as planned and each row's forks in the order they ran
        for (Piece p : pieces.stream().sorted(Piece.PLAN_ORDER).toList()) {
            pieceRows.addAll(parts.rows(p.id()));
            parts.error(p.id()).ifPresent(e -> {
                failures.add(p.describe() + ": " + e);
                saidWhy.add(p.describe());
            });
        }
        // a row's forks ran as pieces of their own, interleaved with the other rows'
        ArrayNode merged = ForkMerge.merge(pieceRows);
        List<JmhRow> rows = new ArrayList<>();
        merged.forEach(r -> rows.add(JmhRow.of(r)));
        // A one-fork row's piece has the row's name, so a row lost to its failed piece is listed once, with
        // the reason; a row of F forks that all failed is listed once more, as missing, after its F forks.
        MissingRows.find(pieces.stream().map(Piece::run).distinct().toList(), rows).stream().filter(m -> !saidWhy.contains(m))
                .forEach(failures::add);
        RunLoad load = new RunLoad(pieces.stream().map(p -> parts.load(p.id())).flatMap(Optional::stream)
                .sorted(Comparator.comparing(MachineLoad::start)).toList(), pieces.size());
        List<PrecisionOutcome> precision = precision();
        Optional<String> busyWarning = load.warning();
        busyWarning.ifPresent(allNotes::add);
        Optional<String> movedWarning = load.placementWarning();
        movedWarning.ifPresent(allNotes::add);
        Instant end = Instant.now();

        out.print(new HeadlineTables(rows, cores).render());
        out.print(ScalingReport.render(rows));
        out.print(new LatencyTable(merged).render());
        Optional<Path> written = Optional.empty();
        if (!merged.isEmpty()) {
            Path file = ResultPaths.freeFile(parts.resultDir(), start);
            AtomicFiles.writeNew(file, JmhJson.toJson(merged));
            AtomicFiles.writeNew(ResultPaths.envFile(file), environment(merged, start, end, failures, allNotes, load, precision));
            out.println();
            out.println(load.line());
            busyWarning.ifPresent(out::println);
            movedWarning.ifPresent(out::println);
            PrecisionLines.of(precision).forEach(out::println);
            out.println("results: " + file + (profile.comparable() ? "" : "  (profile " + profile.name() + ": not comparable)"));
            written = Optional.of(file);
        } else {
            out.println("no results: nothing written");
        }
        // Only now: until the merged file exists, the parts are the only copy of the results.
        parts.remove();
        failures.forEach(f -> out.println("FAILED " + f));
        return new Outcome(written, !failures.isEmpty());
    }

    /**
     * The environment file: a JDK's from its forks' JVM and this machine; a CPython interpreter's from the
     * harness's own record of it (probed now, as the forks ran it), with the run's facts beside it.
     */
    private String environment(ArrayNode merged, Instant start, Instant end, List<String> failures, List<String> notes, RunLoad load,
                               List<PrecisionOutcome> precision) {
        if (jdk instanceof ForkPython py) {
            RunInfo info = new RunInfo(profile.name(), profile.comparable(), runner, 0, py.python(), py.label(), List.of(), start, end,
                    failures, new ArrayList<>(notes), load, precision);
            JsonNode record;
            try {
                record = PythonOption.recheck(py).env();
            } catch (IllegalArgumentException e) {
                // the results are in; an interpreter gone since must not cost them their environment file
                record = null;
                info.notes().add("the interpreter's record could not be read at the end: " + e.getMessage());
            }
            return EnvironmentFile.cpython(info, record);
        }
        ForkJdk j = (ForkJdk) jdk;
        RunInfo info = new RunInfo(profile.name(), profile.comparable(), runner, j.major(),
                j.jvm() != null ? j.jvm() : ForkJvm.defaultJava(), j.label(), j.args(), start, end, failures, notes, load, precision);
        List<JsonNode> jsonRows = new ArrayList<>();
        merged.forEach(jsonRows::add);
        return EnvironmentFile.json(info, jsonRows);
    }

    /** How each row that forked until precise ended, from its fork means in the parts; empty when none did. */
    private List<PrecisionOutcome> precision() {
        Map<Integer, List<Piece>> rows = new TreeMap<>();
        pieces.stream().filter(p -> p.run().precision() != null && done(p))
                .forEach(p -> rows.computeIfAbsent(p.row(), r -> new ArrayList<>()).add(p));
        List<PrecisionOutcome> out = new ArrayList<>();
        rows.values().forEach(row -> RowPrecision.ask(parts, row).forEach(a -> out.add(a.outcome(row.get(0).run().precision()))));
        return out;
    }
}
