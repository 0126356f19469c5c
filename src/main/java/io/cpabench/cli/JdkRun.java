package io.cpabench.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import io.cpabench.results.AtomicFiles;
import io.cpabench.results.CpuTicks;
import io.cpabench.results.EnvironmentFile;
import io.cpabench.results.ForkJvm;
import io.cpabench.results.ForkMerge;
import io.cpabench.results.HeadlineTables;
import io.cpabench.results.JmhJson;
import io.cpabench.results.JmhRow;
import io.cpabench.results.LatencyTable;
import io.cpabench.results.MachineLoad;
import io.cpabench.results.PartsDir;
import io.cpabench.results.ResultPaths;
import io.cpabench.results.RunInfo;
import io.cpabench.results.RunLoad;
import io.cpabench.scaling.ScalingReport;
import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

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
    private final ForkJdk jdk;
    private final PartsDir parts;
    private final List<Piece> pieces;
    private final PieceRunner pieceRunner;
    private final int doneBefore;

    JdkRun(PrintStream out, Profile profile, JmhExtras extras, String runner, int cores, PieceRunner.Factory pieceRunners,
           ForkJdk jdk, PartsDir parts, List<Piece> pieces) {
        this.out = out;
        this.profile = profile;
        this.runner = runner;
        this.cores = cores;
        this.jdk = jdk;
        this.parts = parts;
        this.pieces = List.copyOf(pieces);
        this.pieceRunner = pieceRunners.forJdk(jdk, extras);
        this.doneBefore = (int) pieces.stream().filter(this::done).count();
    }

    ForkJdk jdk() {
        return jdk;
    }

    PartsDir parts() {
        return parts;
    }

    List<Piece> pieces() {
        return pieces;
    }

    boolean done(Piece p) {
        return parts.done(p.id());
    }

    /** Runs one piece through JMH and files it, with the machine's load while it ran. */
    void run(Piece p) throws IOException {
        Path scratch = parts.scratch(p.id());
        Instant pieceStart = Instant.now();
        Optional<CpuTicks> before = CpuTicks.now();
        PieceOutcome o = pieceRunner.run(p.run(), scratch);
        if (o.outside()) {
            // not the benchmark's failure: filed as failed, the piece would never run again
            throw PieceNotRun.stop(parts, p.describe(), o.error().orElse("unknown"));
        }
        Optional<MachineLoad> load = before.flatMap(b -> CpuTicks.now().map(a -> MachineLoad.between(p.id(), pieceStart, b, a)));
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
        if (doneBefore > 0) {
            // The rows come from more than one process (and maybe hours apart): say so beside them.
            allNotes.add("resumed: " + doneBefore + " of " + pieces.size() + " pieces ran before the resume");
        }
        List<JsonNode> pieceRows = new ArrayList<>();
        List<String> failures = new ArrayList<>();
        // in plan order, so the merged file lists rows as planned and each row's forks in the order they ran
        for (Piece p : pieces.stream().sorted(Piece.PLAN_ORDER).toList()) {
            pieceRows.addAll(parts.rows(p.id()));
            parts.error(p.id()).ifPresent(e -> failures.add(p.describe() + ": " + e));
        }
        // a row's forks ran as pieces of their own, interleaved with the other rows'
        ArrayNode merged = ForkMerge.merge(pieceRows);
        List<JmhRow> rows = new ArrayList<>();
        merged.forEach(r -> rows.add(JmhRow.of(r)));
        failures.addAll(MissingRows.find(pieces.stream().map(Piece::run).distinct().toList(), rows));
        RunLoad load = new RunLoad(pieces.stream().map(p -> parts.load(p.id())).flatMap(Optional::stream)
                .sorted(Comparator.comparing(MachineLoad::start)).toList(), pieces.size());
        Optional<String> busyWarning = load.warning();
        busyWarning.ifPresent(allNotes::add);
        Instant end = Instant.now();

        out.print(new HeadlineTables(rows, cores).render());
        out.print(ScalingReport.render(rows));
        out.print(new LatencyTable(merged).render());
        Optional<Path> written = Optional.empty();
        if (!merged.isEmpty()) {
            Path file = ResultPaths.freeFile(parts.resultDir(), start);
            AtomicFiles.writeNew(file, JmhJson.toJson(merged));
            RunInfo info = new RunInfo(profile.name(), profile.comparable(), runner, jdk.major(),
                    jdk.jvm() != null ? jdk.jvm() : ForkJvm.defaultJava(), jdk.label(), jdk.args(), start, end, failures, allNotes, load);
            List<JsonNode> jsonRows = new ArrayList<>();
            merged.forEach(jsonRows::add);
            AtomicFiles.writeNew(ResultPaths.envFile(file), EnvironmentFile.json(info, jsonRows));
            out.println();
            out.println(load.line());
            busyWarning.ifPresent(out::println);
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
}
