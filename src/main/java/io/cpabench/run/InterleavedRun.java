package io.cpabench.run;

import io.cpabench.results.PartsDir;
import io.cpabench.results.ResultPaths;
import io.cpabench.results.ResumeTarget;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import java.util.stream.Collectors;

/**
 * One run of a profile on each of its JDK configurations, their pieces interleaved in time: started
 * from fresh plans, or resumed from the plan.json files a start wrote; then each configuration's result
 * set and, with several, the comparison across them, as one uninterrupted run would print it.
 */
public final class InterleavedRun {
    private final PrintStream out;
    private final PieceRunner.Factory pieceRunners;
    private final Consumer<List<Path>> compare;

    /**
     * What a fresh run records in each configuration's plan.json, so that a resume rebuilds the same plan.
     *
     * @param profile     the profile's name, or its .json path
     * @param profileText the profile as read, whose hash the resume checks
     */
    public record Start(String profile, String profileText, int cores, String workers, List<String> jmhArgs, String runner,
                        String precision, Integer maxForks) {}

    /**
     * @param compare given the result file of every configuration, baseline (the first --jdk) first, once
     *                all have one: it compares each to the baseline
     */
    public InterleavedRun(PrintStream out, PieceRunner.Factory pieceRunners, Consumer<List<Path>> compare) {
        this.out = out;
        this.pieceRunners = pieceRunners;
        this.compare = compare;
    }

    /** The planned pieces of every configuration, in --jdk order, each configuration's notes printed above it. */
    public int start(Start s, Path results, Profile p, JmhExtras extras, Map<? extends ForkTarget, List<Piece>> pieces,
                     Map<? extends ForkTarget, List<String>> notes) throws IOException {
        boolean several = pieces.size() > 1;
        pieceRunners.checkReady();
        // Every configuration's parts directory before the first fork, so a kill during the first leaves all resumable.
        Instant start = Instant.now();
        long seed = several ? new SecureRandom().nextLong() : 0;
        List<Path> dirs = new ArrayList<>();
        List<String> planJsons = new ArrayList<>();
        for (ForkTarget jdk : pieces.keySet()) {
            dirs.add(ResultPaths.directoryNamed(results, s.runner(), jdk.directoryName()));
            planJsons.add(new RunSpec(profileForResume(s.profile()), RunSpec.sha256(s.profileText()), s.cores(), s.workers(),
                    s.jmhArgs(), jdk, s.runner(), start, ids(pieces.get(jdk)), List.copyOf(pieces.keySet()), seed, s.precision(),
                    s.maxForks()).toJson());
        }
        List<PartsDir> parts = PartsDir.createSiblings(dirs, start, planJsons);
        List<JdkRun> runs = new ArrayList<>();
        int i = 0;
        for (ForkTarget jdk : pieces.keySet()) {
            runs.add(new JdkRun(out, p, extras, s.runner(), s.cores(), pieceRunners, jdk, parts.get(i++), pieces.get(jdk)));
            header(out, several, jdk);
            notes.get(jdk).forEach(out::println);
        }
        out.println("parts: " + parts.stream().map(d -> d.path().toString()).collect(Collectors.joining(", "))
                + "  (after a crash: run --resume " + parts.get(0).path() + ")");
        return runAndFinish(List.copyOf(pieces.keySet()), runs, seed, start, new LinkedHashMap<>(notes), Map.of());
    }

    /**
     * Rebuilds the plan of every JDK configuration of the run from their plan.json files and checks each
     * is the same plan before running a thing: a profile edited or a jar rebuilt since would file new
     * rows under old pieces. The configurations resume together, in the run's interleaved order.
     */
    public int resume(Path resume) throws IOException {
        PartsDir target = PartsDir.open(ResumeTarget.find(resume));
        pieceRunners.checkReady();
        RunSpec spec = RunSpec.parse(target.plan(), target.path().resolve(PartsDir.PLAN));
        String profileText = Profiles.read(spec.profile());
        if (!RunSpec.sha256(profileText).equals(spec.profileSha256())) {
            throw new IllegalArgumentException("profile " + spec.profile() + " has changed since the run in " + target.path()
                    + " started; resume needs the same profile (the parts are kept)");
        }
        Profile p = PrecisionTarget.override(Profiles.parse(profileText, spec.profile(), spec.cores()), spec.precision(), spec.maxForks());
        JmhExtras extras = new JmhExtras(spec.jmhArgs());
        Path root = target.resultDir().getParent().getParent();
        String name = target.path().getFileName().toString();
        List<JdkRun> runs = new ArrayList<>();
        Map<ForkTarget, List<String>> notes = new LinkedHashMap<>();
        Map<ForkTarget, Path> finished = new LinkedHashMap<>();
        for (ForkTarget jdk : spec.jdks()) {
            Path dir = jdk.equals(spec.jdk()) ? target.path() : ResultPaths.directoryNamed(root, spec.runner(), jdk.directoryName()).resolve(name);
            if (!Files.isDirectory(dir)) {
                // merged before the kill: an interleaved run merges its configurations one by one at its end
                Path file = dir.resolveSibling(name.substring(0, name.length() - PartsDir.SUFFIX.length()) + ".json");
                if (!Files.isRegularFile(file)) {
                    throw new IllegalArgumentException(jdk.progressName() + "'s part of the run in " + target.path()
                            + " is gone: neither " + dir + " nor " + file + " exists");
                }
                finished.put(jdk, file);
                continue;
            }
            PartsDir parts = dir.equals(target.path()) ? target : PartsDir.open(dir);
            RunSpec own = RunSpec.parse(parts.plan(), dir.resolve(PartsDir.PLAN));
            if (!own.start().equals(spec.start()) || !own.jdks().equals(spec.jdks())) {
                throw new IllegalArgumentException(dir + " belongs to another run than " + target.path());
            }
            List<String> n = new ArrayList<>();
            List<Piece> pieces = Piece.split(plan(own.jdk(), p, spec.workers(), extras, n));
            if (!ids(pieces).equals(own.pieceIds())) {
                throw new IllegalArgumentException("the plan rebuilt from " + dir.resolve(PartsDir.PLAN) + " differs from the one recorded there"
                        + " (this build plans differently); resume with the build that started it");
            }
            notes.put(jdk, n);
            runs.add(new JdkRun(out, p, extras, spec.runner(), spec.cores(), pieceRunners, jdk, parts, pieces));
        }
        for (JdkRun r : runs) {
            long done = r.pieces().stream().filter(r::done).count();
            header(out, runs.size() > 1, r.jdk());
            notes.get(r.jdk()).forEach(out::println);
            out.println("resuming " + r.parts().path() + ": " + done + " of " + r.pieces().size() + " pieces done, "
                    + (r.pieces().size() - done) + " to run"
                    + (r.parts().growth().isPresent() ? ", plus the forks added until precise (growth.json)" : ""));
        }
        return runAndFinish(spec.jdks(), runs, spec.seed(), spec.start(), notes, finished);
    }

    /**
     * The missing pieces of every configuration in the run's order, then each configuration's result
     * set, then the compare across them (baseline first), as one uninterrupted run would print it.
     *
     * @param order    every configuration of the run, in --jdk order
     * @param finished configurations of a resumed run whose result set was written before the kill
     */
    private int runAndFinish(List<ForkTarget> order, List<JdkRun> runs, long seed, Instant start,
                             Map<ForkTarget, List<String>> notes, Map<ForkTarget, Path> finished) throws IOException {
        RunPieces.runMissing(out, runs, seed);
        Map<ForkTarget, Path> files = new LinkedHashMap<>(finished);
        boolean failed = false;
        for (JdkRun r : runs) {
            header(out, order.size() > 1, r.jdk());
            List<String> n = new ArrayList<>(notes.get(r.jdk()));
            if (order.size() > 1) {
                n.add("interleaved with " + order.stream().filter(j -> !j.equals(r.jdk())).map(ForkTarget::progressName)
                        .collect(Collectors.joining(", ")) + " (seed " + seed + "): fork k of every row ran in the same round on each");
            }
            JdkRun.Outcome o = r.finish(start, n);
            o.file().ifPresent(f -> files.put(r.jdk(), f));
            failed |= o.failed();
        }
        List<Path> ordered = order.stream().filter(files::containsKey).map(files::get).toList();
        if (ordered.size() == order.size()) {
            // JDKs against the first JDK, interpreters against the first interpreter: their rows differ
            compare.accept(filesOf(order, files, ForkJdk.class));
            List<Path> pythons = filesOf(order, files, ForkPython.class);
            if (pythons.size() > 1) {
                compare.accept(pythons);
            }
        }
        List<Path> pythons = filesOf(order, files, ForkPython.class);
        List<Path> jdks = filesOf(order, files, ForkJdk.class);
        if (!pythons.isEmpty() && !jdks.isEmpty()) {
            out.println();
            out.print(io.cpabench.tables.ImitationTable.render(jdks.get(0), pythons));
        }
        out.print(io.cpabench.report.Report.besideResults(ordered));
        return failed ? 1 : 0;
    }

    private static List<Path> filesOf(List<ForkTarget> order, Map<ForkTarget, Path> files, Class<? extends ForkTarget> kind) {
        return order.stream().filter(kind::isInstance).filter(files::containsKey).map(files::get).toList();
    }

    /** A configuration's plan as a start makes it: a JDK's from the JVM groups, an interpreter's from the cpython groups. */
    static List<PlannedRun> plan(ForkTarget target, Profile p, String workers, JmhExtras extras, List<String> notes) {
        if (target instanceof ForkPython py) {
            PythonOption.recheck(py);
            return new CpythonPlanner(Planner.parseWorkers(workers), extras).plan(p);
        }
        ForkJdk jdk = (ForkJdk) target;
        checkJdk(jdk);
        return new Planner(jdk, Planner.parseWorkers(workers), extras, notes::add).plan(p);
    }

    /**
     * The configuration a resume runs on must still be the one planned: a resume on another java would
     * mix two JDKs in one result set.
     */
    private static void checkJdk(ForkJdk jdk) {
        int running = Runtime.version().feature();
        if (jdk.jvm() == null && running != jdk.major()) {
            throw new IllegalArgumentException("the run's forks ran on this CLI's java, JDK " + jdk.major()
                    + "; this one is JDK " + running + ": resume with a JDK " + jdk.major() + " java");
        }
        if (jdk.jvm() != null) {
            int actual = ForkJdk.probe(jdk.jvm(), jdk.args());
            if (actual != jdk.major()) {
                throw new IllegalArgumentException("the run's JDK " + jdk.label() + " was " + jdk.jvm() + ", JDK " + jdk.major()
                        + "; that path is JDK " + actual + " now");
            }
        }
    }

    /** A profile file by absolute path, so the resume works from any directory; a name as it is. */
    private static String profileForResume(String nameOrPath) {
        Path file = Path.of(nameOrPath);
        return nameOrPath.endsWith(".json") && Files.isRegularFile(file) ? file.toAbsolutePath().toString() : nameOrPath;
    }

    private static List<String> ids(List<Piece> pieces) {
        return pieces.stream().map(Piece::id).toList();
    }

    /** With several configurations, which one the lines below belong to. */
    public static void header(PrintStream out, boolean several, ForkTarget jdk) {
        if (several) {
            out.println("=== forks on " + jdk.describe());
        }
    }
}
