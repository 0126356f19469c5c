package io.cpabench.run;

import io.cpabench.bench.Regime;
import io.cpabench.model.ExecutionModel;
import io.cpabench.workload.EnumNames;
import io.cpabench.workload.Workload;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;
import org.openjdk.jmh.runner.options.TimeValue;

/**
 * Turns a profile into the JMH runs to make: applies --workers and the user's JMH options, drops what
 * the forks' JDK cannot run, and validates every model and workload before anything starts.
 */
public final class Planner {
    /** Parameters whose values need a JDK of their own (their minJdk): the models, CancellationBenchmark's cases. */
    static final List<String> JDK_GATED_KEYS = List.of("model", "work");

    private final ForkJdk jdk;
    private final List<String> workers;
    private final JmhExtras extras;
    private final Consumer<String> notes;

    /**
     * @param workers replaces every group's {@code workers} values when not empty
     * @param notes   receives one line per thing skipped, printed before the run
     */
    public Planner(ForkJdk jdk, List<String> workers, JmhExtras extras, Consumer<String> notes) {
        this.jdk = jdk;
        this.workers = workers;
        this.extras = extras;
        this.notes = notes;
    }

    /** Parses {@code --workers 1,2,4}: positive integers only. */
    public static List<String> parseWorkers(String csv) {
        if (csv == null || csv.isBlank()) {
            return List.of();
        }
        Set<String> out = new LinkedHashSet<>();
        for (String w : csv.split(",")) {
            try {
                int n = Integer.parseInt(w.trim());
                if (n < 1) {
                    throw new NumberFormatException();
                }
                out.add(String.valueOf(n));
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException("bad --workers '" + csv + "'; valid: positive integers separated by commas, e.g. 1,2,4");
            }
        }
        return List.copyOf(out);
    }

    public List<PlannedRun> plan(Profile profile) {
        List<PlannedRun> runs = new ArrayList<>();
        boolean skippedNewer = false;
        BenchmarkCatalog catalog = BenchmarkCatalog.get();
        Set<String> userKeysUsed = new LinkedHashSet<>();
        List<String> dropped = new ArrayList<>();
        for (ProfileGroup g : profile.groups()) {
            if (CpythonPlanner.isCpython(g)) {
                // planned for each --python interpreter by CpythonPlanner, never on a JDK
                continue;
            }
            Map<String, List<String>> params = new LinkedHashMap<>(g.params());
            Set<String> expected = new LinkedHashSet<>(g.params().keySet());
            if (!workers.isEmpty() && params.containsKey("workers")) {
                params.put("workers", workers);
            }
            // A user's -p is a filter: it replaces the group's values where its benchmark has that
            // parameter, and drops the group where it has not (-p model=X runs model X, nothing else).
            // Keys the group did not plan go to JMH but are not checked for.
            Set<String> own = catalog.matching(g.include()).stream().flatMap(b -> b.params().keySet().stream())
                    .collect(java.util.stream.Collectors.toSet());
            List<String> lacking = extras.params().keySet().stream().filter(k -> !own.contains(k)).toList();
            extras.params().keySet().stream().filter(own::contains).forEach(userKeysUsed::add);
            if (!lacking.isEmpty()) {
                dropped.add(g.name() + " (no " + String.join(", ", lacking) + ")");
                continue;
            }
            params.putAll(extras.params());
            canonicalise(params);
            boolean nothingLeft = false;
            for (String key : JDK_GATED_KEYS) {
                if (params.containsKey(key)) {
                    List<String> runnable = jdk.runnableModels(params.get(key));
                    skippedNewer |= runnable.size() < params.get(key).size();
                    nothingLeft |= runnable.isEmpty();
                    params.put(key, runnable);
                }
            }
            if (nothingLeft || !holdableLeft(g.name(), params)) {
                continue;
            }
            List<Integer> threads = extras.threads().map(List::of).orElse(g.threads());
            for (int t : threads) {
                runs.addAll(runs(profile, g, params, expected, t));
            }
        }
        for (String k : extras.params().keySet()) {
            if (!userKeysUsed.contains(k)) {
                throw new IllegalArgumentException("-p " + k + ": no benchmark of profile '" + profile.name() + "' has that parameter; valid: "
                        + String.join(", ", paramNames(profile, catalog)));
            }
        }
        long jvmGroups = profile.groups().stream().filter(g -> !CpythonPlanner.isCpython(g)).count();
        if (!dropped.isEmpty() && dropped.size() == jvmGroups) {
            throw new IllegalArgumentException("-p " + String.join(", ", extras.params().keySet()) + ": no group of profile '"
                    + profile.name() + "' has all of them (a -p runs only the groups whose benchmark has that parameter)");
        }
        if (!dropped.isEmpty()) {
            notes.accept("-p: skipped group" + (dropped.size() > 1 ? "s " : " ") + String.join(", ", dropped)
                    + ": a -p runs only the groups whose benchmark has that parameter");
        }
        if (skippedNewer) {
            notes.accept(jdk.skipMessage());
        }
        PlanCheck.check(profile.name(), runs, catalog);
        return runs;
    }

    private static Set<String> paramNames(Profile profile, BenchmarkCatalog catalog) {
        Set<String> out = new java.util.TreeSet<>();
        profile.groups().forEach(g -> catalog.matching(g.include()).forEach(b -> out.addAll(b.params().keySet())));
        return out;
    }

    /**
     * The group's run, split in two when some of its models have a slow warm-up of their own: those
     * models run after the others with their longer warm-up. A warm-up the user gave wins over both.
     */
    private List<PlannedRun> runs(Profile profile, ProfileGroup g, Map<String, List<String>> params, Set<String> expected,
                                  int threads) {
        List<String> models = params.getOrDefault("model", List.of());
        List<String> slow = models.stream().filter(g.slowWarmup()::containsKey).toList();
        boolean userWarmup = extras.warmupIterations().isPresent() || extras.warmupTime().isPresent();
        if (slow.isEmpty() || userWarmup) {
            return List.of(run(profile, g, params, expected, threads, g.warmupIterations(), g.warmupTime()));
        }
        List<PlannedRun> out = new ArrayList<>();
        List<String> rest = models.stream().filter(m -> !slow.contains(m)).toList();
        if (!rest.isEmpty()) {
            out.add(run(profile, g, withModels(params, rest), expected, threads, g.warmupIterations(), g.warmupTime()));
        }
        for (String m : slow) {
            ProfileGroup.Warmup w = g.slowWarmup().get(m);
            out.add(run(profile, g, withModels(params, List.of(m)), expected, threads, w.iterations(), w.time()));
        }
        return out;
    }

    private static Map<String, List<String>> withModels(Map<String, List<String>> params, List<String> models) {
        Map<String, List<String>> out = new LinkedHashMap<>(params);
        out.put("model", models);
        return out;
    }

    private PlannedRun run(Profile profile, ProfileGroup g, Map<String, List<String>> params, Set<String> expected,
                           int threads, int warmupIterations, String warmupTime) {
        List<String> jvmArgs = new ArrayList<>(extras.jvmArgsPrepend());
        jvmArgs.addAll(g.jvmArgs());
        jvmArgs.addAll(jdk.forkJvmArgs());
        int forks = extras.forks().orElse(g.forks());
        if (g.precision() != null && g.precision().maxForks() < Math.max(forks, 2)) {
            throw new IllegalArgumentException("profile '" + profile.name() + "' group '" + g.name() + "': max forks "
                    + g.precision().maxForks() + " is below its " + Math.max(forks, 2) + " planned forks; valid: "
                    + Math.max(forks, 2) + " to " + PrecisionTarget.MAX_FORKS);
        }
        return new PlannedRun(g.name(), g.include(), params, expected, threads, forks,
                extras.warmupIterations().orElse(warmupIterations),
                extras.warmupTime().map(TimeValue::toString).orElse(warmupTime),
                extras.measurementIterations().orElse(g.measurementIterations()),
                extras.measurementTime().map(TimeValue::toString).orElse(g.measurementTime()),
                jvmArgs, extras.failOnError().orElse(profile.failOnError()), g.precision());
    }

    /**
     * DispatchBenchmark's BACKLOG regime holds a model's threads while the batch is queued, which some
     * models' threads do not allow ({@link ExecutionModel#holdable()}): a group asking for BACKLOG alone runs
     * without them, said once; one asking for BACKLOG beside another regime cannot be planned (JMH would run
     * every model in both). Returns false when no model is left.
     */
    private boolean holdableLeft(String group, Map<String, List<String>> params) {
        List<String> regimes = params.get("regime");
        List<String> models = params.get("model");
        if (regimes == null || models == null || !regimes.contains(Regime.BACKLOG.name())) {
            return true;
        }
        List<String> cannot = models.stream().filter(m -> !ExecutionModel.valueOf(m).holdable()).toList();
        if (cannot.isEmpty()) {
            return true;
        }
        String who = String.join(", ", cannot);
        if (regimes.size() > 1) {
            throw new IllegalArgumentException("group '" + group + "': regime BACKLOG cannot hold the threads of " + who
                    + "; give " + who + " a group of its own with regime BURST, valid regimes: "
                    + EnumNames.names(Regime.class));
        }
        notes.accept("skipped " + who + " in group '" + group + "': regime BACKLOG cannot hold its threads");
        List<String> left = models.stream().filter(m -> !cannot.contains(m)).toList();
        params.put("model", left);
        return !left.isEmpty();
    }

    /**
     * Fails on the first unknown model or workload, with the list of valid names; otherwise rewrites
     * them as the enum constants, because JMH's own enum parsing in the fork is case-sensitive.
     */
    static void canonicalise(Map<String, List<String>> params) {
        params.computeIfPresent("model", (k, v) -> v.stream().map(m -> ExecutionModel.parse(m).name()).distinct().toList());
        params.computeIfPresent("workload", (k, v) -> v.stream().map(w -> Workload.parse(w).name()).distinct().toList());
    }
}
