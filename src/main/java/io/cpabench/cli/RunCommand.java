package io.cpabench.cli;

import io.cpabench.results.Numbers;
import io.cpabench.results.ResultPaths;
import io.cpabench.run.CpythonPlanner;
import io.cpabench.run.ForkJdk;
import io.cpabench.run.ForkTarget;
import io.cpabench.run.GrowthEstimate;
import io.cpabench.run.InterleavedRun;
import io.cpabench.run.Host;
import io.cpabench.run.JdkOption;
import io.cpabench.run.JmhExtras;
import io.cpabench.run.Minutes;
import io.cpabench.run.OutputDir;
import io.cpabench.run.Piece;
import io.cpabench.run.PieceRunner;
import io.cpabench.run.PlannedRun;
import io.cpabench.run.Planner;
import io.cpabench.run.PrecisionTarget;
import io.cpabench.run.Profile;
import io.cpabench.run.Profiles;
import io.cpabench.run.PythonOption;
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
 * {@code run}: a profile's groups through JMH on each JDK configuration, their pieces interleaved in
 * time, one result set per configuration, the headline tables and scaling readings, and with several
 * configurations the compare between them.
 */
@Command(name = "run", mixinStandardHelpOptions = true, description = "Run a profile (default: quick), write JMH JSON under --results, print the tables.")
public final class RunCommand implements Callable<Integer> {
    @Option(names = "--profile", description = "profile name or .json path (default: quick)")
    String profile;

    @Option(names = "--runner", description = "label of this machine in the results path (default: host name)")
    String runner;

    @Option(names = "--results", description = "results directory (default: jmh-results)")
    Path results;

    @Option(names = "--workers", description = "replace every group's workers, e.g. 1,2,4")
    String workers;

    @Option(names = "--jdk", paramLabel = "LABEL=JAVA",
            description = "run the forks on this java, e.g. 17=/usr/lib/jvm/java-17-openjdk-amd64/bin/java; LABEL is the JDK's major,"
                    + " optionally with a suffix (25-zgc); repeat to run several, interleaved, and compare them to the first")
    List<String> jdks = new ArrayList<>();

    @Option(names = "--jdk-args", paramLabel = "LABEL=OPTIONS",
            description = "JVM options for the forks of that --jdk label, e.g. 25-zgc=\"-XX:+UseZGC\" or 25-slow=\"-D"
                    + "cpabench.cpuScale=1.05\" (a known 5%% slowdown of every compute step); repeatable")
    List<String> jdkArgs = new ArrayList<>();

    @Option(names = "--python", paramLabel = "PYTHON",
            description = "also run the profile's cpython groups on this CPython (3.10+; a path or a name on PATH, e.g. python3 or"
                    + " python3.13t), its pieces interleaved with the JVM's, its results under <results>/<runner>/cpython<version>[t]/;"
                    + " repeatable; the run then puts each GIL imitation beside the real thing")
    List<String> pythons = new ArrayList<>();

    @Option(names = "--precision", paramLabel = "P",
            description = "forks until precise: after its planned forks, a row whose 95%% interval is wider than ±P (e.g. 2%%) gets more,"
                    + " interleaved with the rest of the run, up to --max-forks; rows still wider are reported too noisy on this machine")
    String precision;

    @Option(names = "--max-forks", paramLabel = "N", description = "with --precision: the most forks a row may grow to, 2 to 1000")
    Integer maxForks;

    @Option(names = "--dry-run", description = "print the plan and its estimated duration, run nothing")
    boolean dryRun;

    @Option(names = "--cores", paramLabel = "N", description = "with --dry-run: plan as if this machine had N cores")
    Integer cores;

    @Option(names = "--noise-floor", paramLabel = "FILE",
            description = "with --dry-run: estimate the forks rows until precise will get from this noise-floor file's spreads"
                    + " (noise-floor --out); without it the estimate assumes every such row grows to its cap")
    Path noiseFloor;

    @Option(names = "--resume", paramLabel = "DIR",
            description = "finish an interrupted run: its <stamp>.parts directory (any JDK's: they resume together), or a directory holding it")
    Path resume;

    @Parameters(paramLabel = "JMH-OPTION", description = "after --: JMH options, e.g. -- -f 3 -p model=GIL_THREADS;"
            + " a -p NAME=… is a filter: it sets NAME in the groups whose benchmark has that parameter and drops the"
            + " groups whose benchmark has not (-p model=X runs no SIMD rows, -p kernel=X only SIMD rows)")
    List<String> jmhArgs = new ArrayList<>();

    private final PrintStream out;
    private final PrintStream err;
    private final PieceRunner.Factory pieceRunners;

    RunCommand(PrintStream out, PrintStream err, PieceRunner.Factory pieceRunners) {
        this.out = out;
        this.err = err;
        this.pieceRunners = pieceRunners;
    }

    @Override
    public Integer call() throws IOException {
        if (resume != null) {
            return resume();
        }
        // Everything that can be wrong with the input fails here, before a fork starts or a file is written.
        if (cores != null && !dryRun) {
            throw new IllegalArgumentException("--cores only plans (with --dry-run): a real run sizes itself to this machine's "
                    + Runtime.getRuntime().availableProcessors() + " cores");
        }
        if (noiseFloor != null && !dryRun) {
            throw new IllegalArgumentException("--noise-floor only estimates (with --dry-run): a real run asks each row's own forks");
        }
        if (cores != null && cores < 1) {
            throw new IllegalArgumentException("bad --cores " + cores + "; valid: a positive integer");
        }
        int planCores = cores != null ? cores : Runtime.getRuntime().availableProcessors();
        String profileName = profile != null ? profile : "quick";
        String profileText = Profiles.read(profileName);
        JmhExtras extras = new JmhExtras(jmhArgs);
        Profile p = PrecisionTarget.override(Profiles.parse(profileText, profileName, planCores), precision, maxForks);
        List<String> workerList = Planner.parseWorkers(workers);
        Map<ForkTarget, List<String>> notes = new LinkedHashMap<>();
        Map<ForkTarget, List<Piece>> pieces = new LinkedHashMap<>();
        Map<ForkTarget, List<PlannedRun>> plans = new LinkedHashMap<>();
        for (ForkJdk jdk : JdkOption.resolve(jdks, jdkArgs, extras.jvm())) {
            List<String> n = new ArrayList<>();
            plans.put(jdk, new Planner(jdk, workerList, extras, n::add).plan(p));
            pieces.put(jdk, Piece.split(plans.get(jdk)));
            notes.put(jdk, n);
        }
        // The cpython groups only with --python: without it the plan is the JVM's alone, as it always was.
        for (PythonOption.Probed py : PythonOption.resolve(pythons)) {
            List<PlannedRun> plan = new CpythonPlanner(workerList, extras).plan(p);
            if (plan.isEmpty()) {
                throw new IllegalArgumentException("--python: profile '" + p.name() + "' has no cpython group to run on it");
            }
            plans.put(py.target(), plan);
            pieces.put(py.target(), Piece.split(plan));
            notes.put(py.target(), new ArrayList<>(py.note().stream().toList()));
        }
        String label = ResultPaths.sanitiseRunner(runner != null ? runner : Host.name());
        OutputDir.check(results(), "--results");
        boolean several = plans.size() > 1;
        if (dryRun) {
            GrowthEstimate growth = GrowthEstimate.of(noiseFloor);
            plans.forEach((jdk, plan) -> {
                InterleavedRun.header(out, several, jdk);
                notes.get(jdk).forEach(out::println);
                printPlan(p, plan, growth);
            });
            if (several) {
                List<PlannedRun> all = plans.values().stream().flatMap(List::stream).toList();
                double total = all.stream().mapToDouble(PlannedRun::estimatedSeconds).sum();
                long interpreters = plans.keySet().stream().filter(t -> !(t instanceof ForkJdk)).count();
                String what = interpreters == 0 ? plans.size() + " JDK configurations"
                        : (plans.size() - interpreters) + " JDK configuration" + (plans.size() - interpreters == 1 ? "" : "s") + " and "
                        + interpreters + " CPython interpreter" + (interpreters == 1 ? "" : "s");
                out.printf(Locale.ROOT, "%nall %s, pieces interleaved: %d pieces, estimated %s%s%n", what,
                        pieces.values().stream().mapToInt(List::size).sum(), Minutes.of(total), growth.note(all));
            }
            return 0;
        }

        return new InterleavedRun(out, pieceRunners, this::compareAcrossJdks).start(new InterleavedRun.Start(profileName, profileText,
                planCores, workers, jmhArgs, label, precision, maxForks), results(), p, extras, pieces, notes);
    }

    /** A resume takes every option from the run's plan.json, so none may be given beside it. */
    private int resume() throws IOException {
        if (profile != null || runner != null || results != null || workers != null || !jdks.isEmpty() || !jdkArgs.isEmpty() || !pythons.isEmpty()
                || dryRun || cores != null || !jmhArgs.isEmpty() || precision != null || maxForks != null || noiseFloor != null) {
            throw new IllegalArgumentException("--resume takes everything from the run's plan.json: give it alone");
        }
        return new InterleavedRun(out, pieceRunners, this::compareAcrossJdks).resume(resume);
    }

    private Path results() {
        return results != null ? results : Path.of("jmh-results");
    }

    /** The first JDK's result set is the baseline of compare, with compare's default options. */
    private void compareAcrossJdks(List<Path> files) {
        for (int i = 1; i < files.size(); i++) {
            out.println();
            out.println("=== compare " + files.get(0) + " → " + files.get(i));
            try {
                CompareCommand.printDefault(files.get(0), files.get(i), out);
            } catch (IllegalArgumentException e) {
                // the run's results are written; a compare that cannot be made is said, not fatal
                err.println("cpabench: " + e.getMessage());
            }
        }
    }

    private void printPlan(Profile p, List<PlannedRun> plan, GrowthEstimate growth) {
        out.println("profile " + p.name() + (p.description().isEmpty() ? "" : ": " + p.description()));
        double total = 0;
        for (PlannedRun run : plan) {
            out.printf(Locale.ROOT, "  %-10s %-45s threads=%d forks=%d warmup=%d×%s measure=%d×%s%s%n", run.group(),
                    run.include(), run.threads(), run.forks(), run.warmupIterations(), run.warmupTime(),
                    run.measurementIterations(), run.measurementTime(),
                    run.precision() == null ? "" : " until ±" + Numbers.sig(run.precision().precision() * 100, 3) + "% or " + run.precision().maxForks());
            run.params().forEach((k, v) -> out.println("      " + k + " = " + String.join(",", v)));
            if (!run.jvmArgs().isEmpty()) {
                out.println("      jvmArgs: " + String.join(" ", run.jvmArgs()));
            }
            total += run.estimatedSeconds();
        }
        int combos = plan.stream().mapToInt(r -> r.combinations().size()).sum();
        int pieces = Piece.split(plan).size();
        out.printf(Locale.ROOT, "%d combinations in %d pieces (one per fork, each row's forks spread over the run), estimated %s%s%n",
                combos, pieces, Minutes.of(total), growth.note(plan));
    }
}
