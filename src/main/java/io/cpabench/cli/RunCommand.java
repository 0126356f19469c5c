package io.cpabench.cli;

import com.fasterxml.jackson.databind.node.ArrayNode;
import io.cpabench.results.AtomicFiles;
import io.cpabench.results.EnvironmentFile;
import io.cpabench.results.HeadlineTables;
import io.cpabench.results.JmhJson;
import io.cpabench.results.JmhRow;
import io.cpabench.results.LatencyTable;
import io.cpabench.results.ResultPaths;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code run}: a profile's groups through JMH, one merged result file, the headline tables. */
@Command(name = "run", description = "Run a profile (default: quick), write JMH JSON under --results, print the tables.")
public final class RunCommand implements Callable<Integer> {
    @Option(names = "--profile", defaultValue = "quick", description = "profile name or .json path (default: ${DEFAULT-VALUE})")
    String profile;

    @Option(names = "--runner", description = "label of this machine in the results path (default: host name)")
    String runner;

    @Option(names = "--results", defaultValue = "jmh-results", description = "results directory (default: ${DEFAULT-VALUE})")
    Path results;

    @Option(names = "--workers", description = "replace every group's workers, e.g. 1,2,4")
    String workers;

    @Option(names = "--dry-run", description = "print the plan and its estimated duration, run nothing")
    boolean dryRun;

    @Parameters(paramLabel = "JMH-OPTION", description = "after --: JMH options, e.g. -- -f 3 -p model=GIL_THREADS")
    List<String> jmhArgs = new ArrayList<>();

    private final PrintStream out;
    private final PrintStream err;

    RunCommand(PrintStream out, PrintStream err) {
        this.out = out;
        this.err = err;
    }

    @Override
    public Integer call() throws IOException {
        // Everything that can be wrong with the input fails here, before a fork starts or a file is written.
        int cores = Runtime.getRuntime().availableProcessors();
        JmhExtras extras = new JmhExtras(jmhArgs);
        Profile p = Profiles.load(profile, cores);
        ForkJdk jdk = ForkJdk.of(extras.jvm().orElse(null));
        List<String> notes = new ArrayList<>();
        List<PlannedRun> plan = new Planner(jdk, Planner.parseWorkers(workers), extras, notes::add).plan(p);
        String label = ResultPaths.sanitiseRunner(runner != null ? runner : Host.name());
        notes.forEach(out::println);
        if (dryRun) {
            printPlan(p, plan);
            return 0;
        }
        Instant start = Instant.now();
        List<String> failures = new ArrayList<>();
        List<Path> parts = runGroups(plan, jdk, extras, failures);
        ArrayNode merged = JmhJson.merge(parts);
        List<JmhRow> rows = new ArrayList<>();
        merged.forEach(r -> rows.add(JmhRow.of(r)));
        failures.addAll(MissingRows.find(plan, rows));
        Instant end = Instant.now();
        parts.forEach(RunCommand::deleteQuietly);

        out.print(new HeadlineTables(rows, cores).render());
        out.print(new LatencyTable(merged).render());
        if (!merged.isEmpty()) {
            Path dir = ResultPaths.directory(results, label, jdk.major());
            Path file = ResultPaths.freeFile(dir, start);
            AtomicFiles.writeNew(file, JmhJson.toJson(merged));
            AtomicFiles.writeNew(ResultPaths.envFile(file),
                    EnvironmentFile.json(p.name(), p.comparable(), label, jdk.major(), start, end, failures, notes));
            out.println();
            out.println("results: " + file + (p.comparable() ? "" : "  (profile " + p.name() + ": not comparable)"));
        } else {
            out.println("no results: nothing written");
        }
        failures.forEach(f -> out.println("FAILED " + f));
        return failures.isEmpty() ? 0 : 1;
    }

    private List<Path> runGroups(List<PlannedRun> plan, ForkJdk jdk, JmhExtras extras, List<String> failures) throws IOException {
        GroupRunner runner = new GroupRunner(java.util.Optional.ofNullable(jdk.jvm()), extras);
        List<Path> parts = new ArrayList<>();
        for (PlannedRun run : plan) {
            Path json = Files.createTempFile("cpabench-" + run.group() + "-", ".json");
            GroupRunner.Outcome o = runner.run(run, json);
            parts.add(o.json());
            o.error().ifPresent(e -> failures.add("group " + run.group() + ": " + e));
        }
        return parts;
    }

    private void printPlan(Profile p, List<PlannedRun> plan) {
        out.println("profile " + p.name() + (p.description().isEmpty() ? "" : ": " + p.description()));
        double total = 0;
        for (PlannedRun run : plan) {
            out.printf(Locale.ROOT, "  %-10s %-45s threads=%d forks=%d warmup=%d×%s measure=%d×%s%n", run.group(),
                    run.include(), run.threads(), run.forks(), run.warmupIterations(), run.warmupTime(),
                    run.measurementIterations(), run.measurementTime());
            run.params().forEach((k, v) -> out.println("      " + k + " = " + String.join(",", v)));
            if (!run.jvmArgs().isEmpty()) {
                out.println("      jvmArgs: " + String.join(" ", run.jvmArgs()));
            }
            total += run.estimatedSeconds();
        }
        int combos = plan.stream().mapToInt(r -> r.combinations().size()).sum();
        out.printf(Locale.ROOT, "%d combinations, estimated %.0f min %02.0f s%n", combos, Math.floor(total / 60), total % 60);
    }

    private static void deleteQuietly(Path p) {
        try {
            Files.deleteIfExists(p);
        } catch (IOException e) {
            // a leftover temp file in /tmp is harmless
        }
    }
}
