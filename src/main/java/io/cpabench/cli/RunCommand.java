package io.cpabench.cli;

import io.cpabench.results.ResultPaths;
import io.cpabench.results.PartsDir;
import io.cpabench.results.ResumeTarget;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.stream.Collectors;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code run}: a profile's groups through JMH on each forks' JDK, one result set per JDK, the
 * headline tables and scaling readings, and with several JDKs the compare between them.
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

    @Option(names = "--jdk", paramLabel = "MAJOR=JAVA",
            description = "run the forks on this java, e.g. 17=/usr/lib/jvm/java-17-openjdk-amd64/bin/java; repeat to run and compare several JDKs")
    List<String> jdks = new ArrayList<>();

    @Option(names = "--dry-run", description = "print the plan and its estimated duration, run nothing")
    boolean dryRun;

    @Option(names = "--cores", paramLabel = "N", description = "with --dry-run: plan as if this machine had N cores")
    Integer cores;

    @Option(names = "--resume", paramLabel = "DIR",
            description = "finish an interrupted run: its <stamp>.parts directory, or the jdk<major> directory holding it")
    Path resume;

    @Parameters(paramLabel = "JMH-OPTION", description = "after --: JMH options, e.g. -- -f 3 -p model=GIL_THREADS")
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
        if (cores != null && cores < 1) {
            throw new IllegalArgumentException("bad --cores " + cores + "; valid: a positive integer");
        }
        int planCores = cores != null ? cores : Runtime.getRuntime().availableProcessors();
        String profileName = profile != null ? profile : "quick";
        String profileText = Profiles.read(profileName);
        JmhExtras extras = new JmhExtras(jmhArgs);
        Profile p = Profiles.parse(profileText, profileName, planCores);
        List<String> workerList = Planner.parseWorkers(workers);
        Map<ForkJdk, List<String>> notes = new LinkedHashMap<>();
        Map<ForkJdk, List<PlannedRun>> plans = new LinkedHashMap<>();
        for (ForkJdk jdk : JdkOption.resolve(jdks, extras.jvm())) {
            List<String> n = new ArrayList<>();
            plans.put(jdk, new Planner(jdk, workerList, extras, n::add).plan(p));
            notes.put(jdk, n);
        }
        String label = ResultPaths.sanitiseRunner(runner != null ? runner : Host.name());
        OutputDir.check(results(), "--results");
        boolean several = plans.size() > 1;
        if (dryRun) {
            plans.forEach((jdk, plan) -> {
                header(several, jdk);
                notes.get(jdk).forEach(out::println);
                printPlan(p, plan);
            });
            return 0;
        }

        pieceRunners.checkReady();
        // Every JDK's parts directory before the first fork, so a kill during the first leaves all resumable.
        Instant start = Instant.now();
        Map<ForkJdk, PartsDir> parts = new LinkedHashMap<>();
        List<Integer> majors = plans.keySet().stream().map(ForkJdk::major).toList();
        for (Map.Entry<ForkJdk, List<PlannedRun>> e : plans.entrySet()) {
            ForkJdk jdk = e.getKey();
            RunSpec spec = new RunSpec(profileForResume(profileName), RunSpec.sha256(profileText), planCores, workers,
                    jmhArgs, jdk.major(), jdk.jvm(), label, start, ids(Piece.split(e.getValue())), majors);
            parts.put(jdk, PartsDir.create(ResultPaths.directory(results(), label, jdk.major()), start, spec.toJson()));
        }
        JdkRun run = new JdkRun(out, p, extras, label, planCores, pieceRunners);
        List<Path> files = new ArrayList<>();
        boolean failed = false;
        for (Map.Entry<ForkJdk, List<PlannedRun>> e : plans.entrySet()) {
            header(several, e.getKey());
            notes.get(e.getKey()).forEach(out::println);
            out.println("parts: " + parts.get(e.getKey()).path() + "  (after a crash: run --resume " + parts.get(e.getKey()).path() + ")");
            JdkRun.Outcome o = run.run(e.getKey(), parts.get(e.getKey()), Piece.split(e.getValue()), start, notes.get(e.getKey()));
            o.file().ifPresent(files::add);
            failed |= o.failed();
        }
        compareAcrossJdks(files);
        out.print(io.cpabench.report.Report.besideResults(files));
        return failed ? 1 : 0;
    }

    /**
     * Rebuilds the plan from plan.json and checks it is the same plan before running a thing: a profile
     * edited or a jar rebuilt since would file new rows under old pieces.
     */
    private int resume() throws IOException {
        if (profile != null || runner != null || results != null || workers != null || !jdks.isEmpty() || dryRun
                || cores != null || !jmhArgs.isEmpty()) {
            throw new IllegalArgumentException("--resume takes everything from the run's plan.json: give it alone");
        }
        PartsDir parts = PartsDir.open(ResumeTarget.find(resume));
        pieceRunners.checkReady();
        Path planFile = parts.path().resolve(PartsDir.PLAN);
        RunSpec spec = RunSpec.parse(parts.plan(), planFile);
        String profileText = Profiles.read(spec.profile());
        if (!RunSpec.sha256(profileText).equals(spec.profileSha256())) {
            throw new IllegalArgumentException("profile " + spec.profile() + " has changed since the run in " + parts.path()
                    + " started; resume needs the same profile (the parts are kept)");
        }
        Profile p = Profiles.parse(profileText, spec.profile(), spec.cores());
        JmhExtras extras = new JmhExtras(spec.jmhArgs());
        ForkJdk jdk = resumedJdk(spec);
        List<String> notes = new ArrayList<>();
        List<Piece> pieces = Piece.split(new Planner(jdk, Planner.parseWorkers(spec.workers()), extras, notes::add).plan(p));
        if (!ids(pieces).equals(spec.pieceIds())) {
            throw new IllegalArgumentException("the plan rebuilt from " + planFile + " differs from the one recorded there"
                    + " (this build plans differently); resume with the build that started it");
        }
        long done = pieces.stream().filter(x -> parts.done(x.id())).count();
        notes.forEach(out::println);
        out.println("resuming " + parts.path() + ": " + done + " of " + pieces.size() + " pieces done, " + (pieces.size() - done) + " to run");
        JdkRun.Outcome o = new JdkRun(out, p, extras, spec.runner(), spec.cores(), pieceRunners)
                .run(jdk, parts, pieces, spec.start(), notes);
        // as a run that was never interrupted would have; the other JDKs of a --jdk run resume on their own
        o.file().ifPresent(file -> compareAfterResume(spec, parts, file));
        out.print(io.cpabench.report.Report.besideResults(o.file().map(List::of).orElse(List.of())));
        return o.failed() ? 1 : 0;
    }

    /**
     * The compare across JDKs that the interrupted --jdk run would have printed: once every JDK's result
     * set of that run (same runner and start) is written; until then, which resumes it waits for.
     */
    private void compareAfterResume(RunSpec spec, PartsDir parts, Path file) {
        if (spec.jdks().size() < 2) {
            return;
        }
        Path resultsRoot = parts.resultDir().getParent().getParent();
        String stamp = ResultPaths.stamp(spec.start());
        List<Path> files = new ArrayList<>();
        List<String> waiting = new ArrayList<>();
        for (int major : spec.jdks()) {
            Path dir = ResultPaths.directory(resultsRoot, spec.runner(), major);
            if (major == spec.jdkMajor()) {
                files.add(file);
            } else if (Files.isDirectory(dir.resolve(stamp + PartsDir.SUFFIX))) {
                waiting.add("run --resume " + dir.resolve(stamp + PartsDir.SUFFIX));
            } else if (Files.isRegularFile(dir.resolve(stamp + ".json"))) {
                files.add(dir.resolve(stamp + ".json"));
            } else {
                waiting.add("JDK " + major + "'s result set (no " + dir.resolve(stamp + ".json") + ")");
            }
        }
        if (waiting.isEmpty()) {
            compareAcrossJdks(files);
        } else {
            out.println("compare across JDKs " + spec.jdks().stream().map(String::valueOf).collect(Collectors.joining(", "))
                    + " waits for: " + String.join("; ", waiting));
        }
    }

    /** The forks' JDK the run was planned for; a resume on another would mix two JDKs in one result set. */
    private static ForkJdk resumedJdk(RunSpec spec) {
        if (spec.jvm() != null) {
            return JdkOption.verified(spec.jdkMajor() + "=" + spec.jvm());
        }
        int running = Runtime.version().feature();
        if (running != spec.jdkMajor()) {
            throw new IllegalArgumentException("the run's forks ran on this CLI's java, JDK " + spec.jdkMajor()
                    + "; this one is JDK " + running + ": resume with a JDK " + spec.jdkMajor() + " java");
        }
        return new ForkJdk(running, null);
    }

    /** A profile file by absolute path, so the resume works from any directory; a name as it is. */
    private static String profileForResume(String nameOrPath) {
        Path file = Path.of(nameOrPath);
        return nameOrPath.endsWith(".json") && Files.isRegularFile(file) ? file.toAbsolutePath().toString() : nameOrPath;
    }

    private static List<String> ids(List<Piece> pieces) {
        return pieces.stream().map(Piece::id).toList();
    }

    private Path results() {
        return results != null ? results : Path.of("jmh-results");
    }

    private void header(boolean several, ForkJdk jdk) {
        if (several) {
            out.println("=== forks on JDK " + jdk.major() + ": " + jdk.jvm());
        }
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
        int pieces = Piece.split(plan).size();
        out.printf(Locale.ROOT, "%d combinations in %d pieces (one per fork, each row's forks spread over the run), estimated %.0f min %02.0f s%n",
                combos, pieces, Math.floor(total / 60), total % 60);
    }
}
