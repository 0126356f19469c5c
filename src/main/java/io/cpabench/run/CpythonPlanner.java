package io.cpabench.run;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import org.openjdk.jmh.runner.options.TimeValue;

/**
 * A profile's cpython groups (those whose {@code include} names a {@code cpython.} benchmark of the
 * harness in python/) as the runs of one interpreter: planned only for {@code run --python}, and then
 * interleaved with the JVM pieces like another JDK configuration's. The sample-size options after
 * {@code --} (-f, -wi, -w, -i, -r) and --workers apply as to the JVM groups; the other JMH options
 * (-p, -jvmArgs, profilers) are JMH's and stay with the JVM groups.
 */
public final class CpythonPlanner {
    /** The harness's benchmarks and each one's parameters and their valid values (null: any), as {@code cpabench_py list} gives them. */
    static final Map<String, Map<String, List<String>>> CATALOG = catalog();
    private static final Pattern CPYTHON_INCLUDE = Pattern.compile("^\\^?cpython\\\\?\\..*");

    private final List<String> workers;
    private final JmhExtras extras;

    public CpythonPlanner(List<String> workers, JmhExtras extras) {
        this.workers = workers;
        this.extras = extras;
    }

    private static Map<String, Map<String, List<String>>> catalog() {
        Map<String, List<String>> scaling = new LinkedHashMap<>();
        scaling.put("workload", List.of("CPU", "IO_SLEEP", "NATIVE"));
        scaling.put("model", List.of("SEQUENTIAL", "THREADS", "PROCESSES", "ASYNCIO", "ASYNCIO_TO_THREAD"));
        for (String any : List.of("workers", "tasks", "cpuSize", "ioMicros", "nativeKiB", "switchMicros")) {
            scaling.put(any, null);
        }
        Map<String, List<String>> latency = new LinkedHashMap<>();
        latency.put("model", List.of("ASYNCIO", "ASYNCIO_TO_THREAD"));
        for (String any : List.of("rate", "ioMs", "cpuMs", "workers", "switchMicros")) {
            latency.put(any, null);
        }
        Map<String, Map<String, List<String>>> out = new LinkedHashMap<>();
        out.put("cpython.ScalingBenchmark.run", scaling);
        out.put("cpython.LoopLatencyBenchmark.run", latency);
        return out;
    }

    /** Whether a group runs on CPython: its include starts with {@code cpython.} ({@code ^cpython\.ScalingBenchmark\.run$}). */
    public static boolean isCpython(ProfileGroup g) {
        return CPYTHON_INCLUDE.matcher(g.include()).matches();
    }

    /** The profile's cpython groups as this interpreter's runs; nothing when the profile has none. */
    public List<PlannedRun> plan(Profile profile) {
        List<PlannedRun> runs = new ArrayList<>();
        for (ProfileGroup g : profile.groups()) {
            if (!isCpython(g)) {
                continue;
            }
            String where = "profile '" + profile.name() + "' group '" + g.name() + "'";
            String benchmark = benchmark(g, where);
            Map<String, List<String>> params = new LinkedHashMap<>(g.params());
            if (!workers.isEmpty() && params.containsKey("workers")) {
                params.put("workers", workers);
            }
            check(where, benchmark, params);
            int forks = Math.max(1, extras.forks().orElse(g.forks()));
            runs.add(new PlannedRun(g.name(), "^" + benchmark.replace(".", "\\.") + "$", params, Set.copyOf(params.keySet()), 1,
                    forks, extras.warmupIterations().orElse(g.warmupIterations()),
                    extras.warmupTime().map(TimeValue::toString).orElse(g.warmupTime()),
                    extras.measurementIterations().orElse(g.measurementIterations()),
                    extras.measurementTime().map(TimeValue::toString).orElse(g.measurementTime()),
                    List.of(), false, g.precision()));
        }
        return runs;
    }

    /** The one harness benchmark a cpython group's include selects. */
    static String benchmark(ProfileGroup g, String where) {
        Pattern p = Pattern.compile(g.include());
        List<String> hits = CATALOG.keySet().stream().filter(b -> p.matcher(b).find()).toList();
        if (hits.size() != 1) {
            throw new IllegalArgumentException(where + ": include '" + g.include() + "' must select one CPython benchmark; valid: "
                    + String.join(", ", CATALOG.keySet()));
        }
        return hits.get(0);
    }

    private static void check(String where, String benchmark, Map<String, List<String>> params) {
        Map<String, List<String>> known = CATALOG.get(benchmark);
        params.forEach((k, values) -> {
            if (!known.containsKey(k)) {
                throw new IllegalArgumentException(where + ": " + benchmark + " has no parameter '" + k + "'; valid: "
                        + String.join(", ", known.keySet()));
            }
            List<String> valid = known.get(k);
            for (String v : values) {
                if (valid != null && !valid.contains(v)) {
                    throw new IllegalArgumentException(where + ": bad " + k + " '" + v + "' for " + benchmark + "; valid: "
                            + String.join(", ", valid));
                }
            }
        });
    }

    /** The harness's name for a planned run's benchmark ({@code cpython.ScalingBenchmark.run}). */
    static String benchmarkOf(PlannedRun run) {
        return run.include().replace("\\", "").replace("^", "").replace("$", "");
    }
}
