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
import java.util.Locale;
import java.util.Optional;

/**
 * One plan on one JDK: the pieces its parts directory does not hold yet, through JMH, each filed as
 * soon as it ends; then one merged result file plus its environment file beside the parts directory,
 * which goes, and the tables read from it. A fresh run and a resumed one take the same path.
 */
final class JdkRun {
    /** The result file written (empty when nothing ran) and whether anything failed. */
    record Outcome(Optional<Path> file, boolean failed) {}

    private final PrintStream out;
    private final Profile profile;
    private final JmhExtras extras;
    private final String runner;
    private final int cores;
    private final PieceRunner.Factory pieceRunners;

    JdkRun(PrintStream out, Profile profile, JmhExtras extras, String runner, int cores, PieceRunner.Factory pieceRunners) {
        this.out = out;
        this.profile = profile;
        this.extras = extras;
        this.runner = runner;
        this.cores = cores;
        this.pieceRunners = pieceRunners;
    }

    /**
     * @param start when the run first started: the result file is named for it, and a resumed run keeps
     *              it; the environment file's start is when this JDK's first piece started
     */
    Outcome run(ForkJdk jdk, PartsDir parts, List<Piece> pieces, Instant start, List<String> notes) throws IOException {
        Instant entered = Instant.now();
        int earlier = runMissing(jdk, parts, pieces);
        // a later JDK of a --jdk run waited for the earlier ones: its rows span only its own time
        Instant began = earlier > 0 ? start : entered;
        List<String> allNotes = new ArrayList<>(notes);
        if (earlier > 0) {
            // The rows come from more than one process (and maybe hours apart): say so beside them.
            allNotes.add("resumed: " + earlier + " of " + pieces.size() + " pieces ran before the resume");
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
                    jdk.jvm() != null ? jdk.jvm() : ForkJvm.defaultJava(), began, end, failures, allNotes, load);
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

    /** Runs the pieces not yet on disk, filing each as it ends; returns how many were already there. */
    private int runMissing(ForkJdk jdk, PartsDir parts, List<Piece> pieces) throws IOException {
        PieceRunner pieceRunner = pieceRunners.forJdk(jdk, extras);
        List<Piece> toRun = pieces.stream().filter(p -> !parts.done(p.id())).toList();
        double left = toRun.stream().mapToDouble(p -> p.run().estimatedSeconds()).sum();
        int n = 0;
        for (Piece p : toRun) {
            // JMH's own progress line covers one piece (one fork): this one covers the run
            out.printf(Locale.ROOT, "%n[piece %d of %d, about %d min left] %s%n", ++n, toRun.size(), Math.round(left / 60), p.describe());
            left -= p.run().estimatedSeconds();
            Path scratch = parts.scratch(p.id());
            Instant pieceStart = Instant.now();
            Optional<CpuTicks> before = CpuTicks.now();
            GroupRunner.Outcome o = pieceRunner.run(p.run(), scratch);
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
        return pieces.size() - toRun.size();
    }
}
