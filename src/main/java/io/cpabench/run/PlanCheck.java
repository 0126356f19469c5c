package io.cpabench.run;

import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * Checks a plan against the benchmarks this build holds, so {@code --dry-run} fails where a run would:
 * an include regex that selects nothing, a parameter its benchmarks do not have, a value JMH could not
 * set (an enum constant that does not exist, "abc" for an int). JMH itself would report these only
 * inside the fork, as a failed piece with no reason.
 */
final class PlanCheck {
    private PlanCheck() {}

    /** @throws IllegalArgumentException for the first problem, naming the group and the valid choices */
    static void check(String profile, List<PlannedRun> runs, BenchmarkCatalog catalog) {
        for (PlannedRun run : runs) {
            String where = "profile '" + profile + "' group '" + run.group() + "': ";
            List<BenchmarkCatalog.Benchmark> selected = catalog.matching(run.include());
            if (selected.isEmpty()) {
                throw new IllegalArgumentException(where + "include '" + run.include() + "' selects no benchmark; valid: "
                        + catalog.all().stream().map(BenchmarkCatalog.Benchmark::name).collect(Collectors.joining(", ")));
            }
            for (BenchmarkCatalog.Benchmark b : selected) {
                for (Map.Entry<String, List<String>> p : run.params().entrySet()) {
                    Class<?> type = b.params().get(p.getKey());
                    if (type == null) {
                        throw new IllegalArgumentException(where + b.name() + " has no parameter '" + p.getKey() + "'; valid: "
                                + String.join(", ", b.params().keySet()));
                    }
                    for (String v : p.getValue()) {
                        if (!BenchmarkCatalog.parses(type, v)) {
                            throw new IllegalArgumentException(where + p.getKey() + " '" + v + "' is not a valid " + type.getSimpleName()
                                    + BenchmarkCatalog.constants(type).map(c -> "; valid: " + String.join(", ", c)).orElse(""));
                        }
                    }
                }
            }
        }
    }
}
