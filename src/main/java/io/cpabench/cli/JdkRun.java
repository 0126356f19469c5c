package io.cpabench.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import io.cpabench.results.AtomicFiles;
import io.cpabench.results.EnvironmentFile;
import io.cpabench.results.ForkJvm;
import io.cpabench.results.HeadlineTables;
import io.cpabench.results.JmhJson;
import io.cpabench.results.JmhRow;
import io.cpabench.results.LatencyTable;
import io.cpabench.results.ResultPaths;
import io.cpabench.results.RunInfo;
import io.cpabench.scaling.ScalingReport;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * One plan on one JDK: its groups through JMH, one merged result file plus its environment file under
 * {@code <results>/<runner>/jdk<major>/}, and the tables read from it.
 */
final class JdkRun {
    /** The result file written (empty when nothing ran) and whether anything failed. */
    record Outcome(Optional<Path> file, boolean failed) {}

    private final PrintStream out;
    private final Profile profile;
    private final JmhExtras extras;
    private final Path results;
    private final String runner;
    private final int cores;

    JdkRun(PrintStream out, Profile profile, JmhExtras extras, Path results, String runner, int cores) {
        this.out = out;
        this.profile = profile;
        this.extras = extras;
        this.results = results;
        this.runner = runner;
        this.cores = cores;
    }

    Outcome run(ForkJdk jdk, List<PlannedRun> plan, List<String> notes) throws IOException {
        Instant start = Instant.now();
        List<String> failures = new ArrayList<>();
        List<Path> parts = runGroups(plan, jdk, failures);
        ArrayNode merged = JmhJson.merge(parts);
        List<JmhRow> rows = new ArrayList<>();
        merged.forEach(r -> rows.add(JmhRow.of(r)));
        failures.addAll(MissingRows.find(plan, rows));
        Instant end = Instant.now();
        parts.forEach(JdkRun::deleteQuietly);

        out.print(new HeadlineTables(rows, cores).render());
        out.print(ScalingReport.render(rows));
        out.print(new LatencyTable(merged).render());
        Optional<Path> written = Optional.empty();
        if (!merged.isEmpty()) {
            Path file = ResultPaths.freeFile(ResultPaths.directory(results, runner, jdk.major()), start);
            AtomicFiles.writeNew(file, JmhJson.toJson(merged));
            RunInfo info = new RunInfo(profile.name(), profile.comparable(), runner, jdk.major(),
                    jdk.jvm() != null ? jdk.jvm() : ForkJvm.defaultJava(), start, end, failures, notes);
            List<JsonNode> jsonRows = new ArrayList<>();
            merged.forEach(jsonRows::add);
            AtomicFiles.writeNew(ResultPaths.envFile(file), EnvironmentFile.json(info, jsonRows));
            out.println();
            out.println("results: " + file + (profile.comparable() ? "" : "  (profile " + profile.name() + ": not comparable)"));
            written = Optional.of(file);
        } else {
            out.println("no results: nothing written");
        }
        failures.forEach(f -> out.println("FAILED " + f));
        return new Outcome(written, !failures.isEmpty());
    }

    private List<Path> runGroups(List<PlannedRun> plan, ForkJdk jdk, List<String> failures) throws IOException {
        GroupRunner groups = new GroupRunner(Optional.ofNullable(jdk.jvm()), extras);
        List<Path> parts = new ArrayList<>();
        for (PlannedRun run : plan) {
            Path json = Files.createTempFile("cpabench-" + run.group() + "-", ".json");
            GroupRunner.Outcome o = groups.run(run, json);
            parts.add(o.json());
            o.error().ifPresent(e -> failures.add("group " + run.group() + ": " + e));
        }
        return parts;
    }

    private static void deleteQuietly(Path p) {
        try {
            Files.deleteIfExists(p);
        } catch (IOException e) {
            // a leftover temp file in /tmp is harmless
        }
    }
}
