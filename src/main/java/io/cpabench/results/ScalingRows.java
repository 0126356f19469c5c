package io.cpabench.results;

import io.cpabench.workload.Workload;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.SortedMap;
import java.util.function.Predicate;

/**
 * The one reading of scaling rows (throughput rows with a {@code model} and a positive integer
 * {@code workers}, as ScalingBenchmark writes them) shared by the run's tables, the scaling analysis
 * and the report: how they group into series, which parameters matter for a workload, and where the
 * SEQUENTIAL baseline of every speedup comes from.
 */
public final class ScalingRows {
    /** The model every speedup is over. */
    public static final String SEQUENTIAL = "SEQUENTIAL";

    /** What varies inside one group: the curves and their x axis, and the workload that names the group. */
    private static final Set<String> AXES = Set.of("model", "workers", "workload");

    private ScalingRows() {}

    /**
     * Everything a group's rows share: the benchmark, the workload, every other parameter (in the
     * row's order) and the JMH thread count.
     */
    public record Settings(String benchmark, String workload, Map<String, String> fixed, int threads) {}

    /** One group: its settings and its rows, in file order, SEQUENTIAL's among them. */
    public record Group(Settings settings, List<JmhRow> rows) {
        /** Model → its rows, models in the order first seen. */
        public Map<String, List<JmhRow>> byModel() {
            Map<String, List<JmhRow>> out = new LinkedHashMap<>();
            rows.forEach(r -> out.computeIfAbsent(r.param("model"), m -> new ArrayList<>()).add(r));
            return out;
        }
    }

    /** True for a throughput row with a model and a positive integer worker count. */
    public static boolean isScaling(JmhRow r) {
        return r.unit().startsWith("ops/") && !r.param("model").isEmpty() && workers(r) != null;
    }

    public static boolean isSequential(String model) {
        return SEQUENTIAL.equals(model);
    }

    /** The row's {@code workers}, or null when it has none that is a positive integer. */
    public static Integer workers(JmhRow r) {
        return positiveInt(r.param("workers"));
    }

    /** A positive integer, or null for anything else (blank, negative, not a number). */
    public static Integer positiveInt(String s) {
        try {
            int v = Integer.parseInt(s.trim());
            return v > 0 ? v : null;
        } catch (NumberFormatException e) {
            return null;
        }
    }

    public static Settings settings(JmhRow r) {
        Map<String, String> fixed = new LinkedHashMap<>(r.params());
        fixed.keySet().removeAll(AXES);
        return new Settings(r.benchmark(), r.param("workload"), fixed, r.threads());
    }

    /** The scaling rows of {@code rows} grouped by their settings, groups in the order first seen. */
    public static List<Group> group(List<JmhRow> rows) {
        Map<Settings, List<JmhRow>> groups = new LinkedHashMap<>();
        for (JmhRow r : rows) {
            if (isScaling(r)) {
                groups.computeIfAbsent(settings(r), k -> new ArrayList<>()).add(r);
            }
        }
        List<Group> out = new ArrayList<>();
        groups.forEach((s, rs) -> out.add(new Group(s, rs)));
        return out;
    }

    /**
     * The benchmark parameters that shape {@code workload}'s tasks ({@link Workload#parameters()});
     * none for a workload this build does not know.
     */
    public static Set<String> relevant(String workload) {
        return Workload.find(workload).map(Workload::parameters).orElse(Set.of());
    }

    /**
     * The workload-shaping parameters that do not shape {@code workload}'s tasks: an I/O latency in the
     * title of a CPU table would only be noise. None for a workload this build does not know.
     */
    public static Set<String> irrelevant(String workload) {
        if (Workload.find(workload).isEmpty()) {
            return Set.of();
        }
        Set<String> out = new HashSet<>(Workload.allParameters());
        out.removeAll(relevant(workload));
        return out;
    }

    /**
     * The parameters that name a row as a measurement (what {@code compare} and the nightly history pair
     * rows by): all of them, except a workload parameter added after results were first written
     * ({@code serialPercent}, {@code sharing}) on a row whose workload it does not shape. Rows written
     * before it existed lack it; left in, it would unpair every row across the change.
     */
    public static Map<String, String> identity(Map<String, String> params) {
        String workload = params.get("workload");
        if (workload == null) {
            return params;
        }
        Set<String> drop = new HashSet<>(irrelevant(workload));
        drop.retainAll(ADDED_LATER);
        drop.retainAll(params.keySet());
        if (drop.isEmpty()) {
            return params;
        }
        Map<String, String> out = new LinkedHashMap<>(params);
        out.keySet().removeAll(drop);
        return out;
    }

    private static final Set<String> ADDED_LATER = Set.of(Workload.Params.SERIAL_PERCENT, Workload.Params.SHARING);

    /**
     * SEQUENTIAL's measurement to divide by, from SEQUENTIAL's points of one group by worker count
     * (it ignores workers, so any count measures the same thing): at {@code workers} when measured,
     * else at one worker, else at the fewest workers; empty without a usable point.
     *
     * @param workers the worker count of the row being compared, or null for the group as a whole
     */
    public static <T> Optional<T> baseline(SortedMap<Integer, T> sequential, Integer workers, Predicate<T> usable) {
        for (Integer w : workers == null ? List.of(1) : List.of(workers, 1)) {
            T t = sequential.get(w);
            if (t != null && usable.test(t)) {
                return Optional.of(t);
            }
        }
        return sequential.values().stream().filter(usable).findFirst();
    }
}
