package io.cpabench.run;

import io.cpabench.results.JmhRow;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * What was planned but has no result row: JMH drops a failed benchmark and goes on, so a missing
 * row is how a failure shows in the results.
 */
public final class MissingRows {
    private MissingRows() {}

    public static List<String> find(List<PlannedRun> plan, List<JmhRow> rows) {
        List<String> missing = new ArrayList<>();
        for (PlannedRun run : plan) {
            // JMH matches includes with find(), so the same here.
            Pattern include = Pattern.compile(run.include());
            for (Map<String, String> combination : run.combinations()) {
                boolean present = rows.stream().anyMatch(r -> include.matcher(r.benchmark()).find()
                        && r.threads() == run.threads()
                        && r.params().entrySet().containsAll(combination.entrySet()));
                if (!present) {
                    missing.add(run.describe(combination));
                }
            }
        }
        return missing;
    }
}
