package io.cpabench.cli;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The unit a run is saved in: one planned parameter combination of one group at one thread count,
 * i.e. one JMH Runner call with single-valued params. A kill loses at most the piece in progress.
 *
 * <p>The id is the piece's position in the plan plus what it runs ({@code 007-scaling-t1-workload=CPU-model=X}):
 * the position keeps ids unique and in plan order, the content makes a plan that changed under a
 * resume show up as different ids rather than as rows silently filed under the wrong piece.
 */
record Piece(String id, PlannedRun run) {

    static List<Piece> split(List<PlannedRun> plan) {
        List<Piece> pieces = new ArrayList<>();
        for (PlannedRun run : plan) {
            for (Map<String, String> combination : run.combinations()) {
                Map<String, List<String>> params = new LinkedHashMap<>(run.params());
                // Keys the profile did not plan (a user's extra -p) stay as given: JMH sweeps them inside the piece.
                combination.forEach((k, v) -> params.put(k, List.of(v)));
                PlannedRun one = new PlannedRun(run.group(), run.include(), params, run.expectedKeys(), run.threads(),
                        run.forks(), run.warmupIterations(), run.warmupTime(), run.measurementIterations(),
                        run.measurementTime(), run.jvmArgs(), run.failOnError());
                pieces.add(new Piece(id(pieces.size() + 1, run, combination), one));
            }
        }
        return pieces;
    }

    private static String id(int position, PlannedRun run, Map<String, String> combination) {
        StringBuilder s = new StringBuilder(String.format(java.util.Locale.ROOT, "%03d-%s-t%d", position, run.group(), run.threads()));
        combination.forEach((k, v) -> s.append('-').append(k).append('=').append(v));
        // a file name on every file system: parameter values are free text
        return s.toString().replaceAll("[^A-Za-z0-9._=-]", "_");
    }
}
