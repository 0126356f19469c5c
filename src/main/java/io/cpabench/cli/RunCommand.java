package io.cpabench.cli;

import io.cpabench.results.ResultPaths;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code run}: a profile's groups through JMH on each forks' JDK, one result set per JDK, the
 * headline tables and scaling readings, and with several JDKs the compare between them.
 */
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

    @Option(names = "--jdk", paramLabel = "MAJOR=JAVA",
            description = "run the forks on this java, e.g. 17=/usr/lib/jvm/java-17-openjdk-amd64/bin/java; repeat to run and compare several JDKs")
    List<String> jdks = new ArrayList<>();

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
        List<String> workerList = Planner.parseWorkers(workers);
        Map<ForkJdk, List<String>> notes = new LinkedHashMap<>();
        Map<ForkJdk, List<PlannedRun>> plans = new LinkedHashMap<>();
        for (ForkJdk jdk : JdkOption.resolve(jdks, extras.jvm())) {
            List<String> n = new ArrayList<>();
            plans.put(jdk, new Planner(jdk, workerList, extras, n::add).plan(p));
            notes.put(jdk, n);
        }
        String label = ResultPaths.sanitiseRunner(runner != null ? runner : Host.name());

        boolean several = plans.size() > 1;
        JdkRun run = new JdkRun(out, p, extras, results, label, cores);
        List<Path> files = new ArrayList<>();
        boolean failed = false;
        for (Map.Entry<ForkJdk, List<PlannedRun>> e : plans.entrySet()) {
            if (several) {
                out.println("=== forks on JDK " + e.getKey().major() + ": " + e.getKey().jvm());
            }
            notes.get(e.getKey()).forEach(out::println);
            if (dryRun) {
                printPlan(p, e.getValue());
                continue;
            }
            JdkRun.Outcome o = run.run(e.getKey(), e.getValue(), notes.get(e.getKey()));
            o.file().ifPresent(files::add);
            failed |= o.failed();
        }
        compareAcrossJdks(files);
        out.print(io.cpabench.report.Report.besideResults(files));
        return failed ? 1 : 0;
    }

    /** The first JDK's result set is the baseline; compare is the CLI's own subcommand, run as a user would. */
    private void compareAcrossJdks(List<Path> files) {
        for (int i = 1; i < files.size(); i++) {
            out.println();
            out.println("=== compare " + files.get(0) + " → " + files.get(i));
            Cli.execute(new String[] {"compare", files.get(0).toString(), files.get(i).toString()}, out, err);
        }
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
}
