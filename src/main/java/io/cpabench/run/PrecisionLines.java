package io.cpabench.run;

import io.cpabench.results.PrecisionOutcome;
import java.util.ArrayList;
import java.util.List;

/** What a run prints under its tables about forks until precise: the rows too noisy on this machine, and a count of the rest. */
final class PrecisionLines {
    private PrecisionLines() {}

    static List<String> of(List<PrecisionOutcome> rows) {
        if (rows.isEmpty()) {
            return List.of();
        }
        List<String> out = new ArrayList<>();
        long precise = rows.stream().filter(r -> "PRECISE".equals(r.outcome())).count();
        List<PrecisionOutcome> noisy = rows.stream().filter(PrecisionOutcome::tooNoisy).toList();
        out.add("forks until precise: " + precise + " of " + rows.size() + " rows within their precision, " + noisy.size()
                + " too noisy on this machine" + (rows.size() - precise - noisy.size() > 0
                ? ", " + (rows.size() - precise - noisy.size()) + " stopped short of both" : ""));
        noisy.forEach(r -> out.add("  too noisy on this machine: " + r.describe()));
        return out;
    }
}
