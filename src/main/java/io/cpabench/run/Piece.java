package io.cpabench.run;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The unit a run is saved in: one fork of one planned parameter combination of one group at one
 * thread count, i.e. one JMH Runner call with single-valued params. A kill loses at most the piece in
 * progress.
 *
 * <p>Forks are interleaved: a row's forks are spread evenly over the whole run (fork k of F at the
 * point (k − ½)/F of it), not run back to back. Whatever drifts on a shared machine in minutes (a
 * neighbour's load, the host's timers) then varies between a row's forks, where its confidence
 * interval sees it, instead of shifting all of them together, where only a second run would. This is
 * Abedi and Brecht's randomised multiple interleaved trials, without the randomising, so a resume
 * finds the same pieces. The run's rows are put back together by {@link io.cpabench.results.ForkMerge}.
 *
 * <p>The id is the piece's position in the order run plus what it runs
 * ({@code 007-scaling-t1-workload=CPU-model=X-fork2of5}): the position keeps ids unique and in run
 * order, the content makes a plan that changed under a resume show up as different ids rather than
 * as rows silently filed under the wrong piece.
 */
public record Piece(String id, PlannedRun run, int row, int fork, int forks) {

    /** Plan order: by row (the combination's place in the plan), then fork; the run order is interleaved. */
    static final Comparator<Piece> PLAN_ORDER = Comparator.comparingInt(Piece::row).thenComparingInt(Piece::fork);

    public static List<Piece> split(List<PlannedRun> plan) {
        record Slot(PlannedRun run, Map<String, String> combination, int row, int fork, int forks, double at) {}
        List<Slot> slots = new ArrayList<>();
        int row = 0;
        for (PlannedRun run : plan) {
            for (Map<String, String> combination : run.combinations()) {
                Map<String, List<String>> params = new LinkedHashMap<>(run.params());
                // Keys the profile did not plan (a user's extra -p) stay as given: JMH sweeps them inside the piece.
                combination.forEach((k, v) -> params.put(k, List.of(v)));
                // forks = 0 (JMH runs the benchmark in its own JVM, unforked) has nothing to spread
                int forks = Math.max(1, run.forks());
                PlannedRun one = new PlannedRun(run.group(), run.include(), params, run.expectedKeys(), run.threads(),
                        Math.min(1, run.forks()), run.warmupIterations(), run.warmupTime(), run.measurementIterations(),
                        run.measurementTime(), run.jvmArgs(), run.failOnError(), run.precision());
                for (int k = 0; k < forks; k++) {
                    slots.add(new Slot(one, combination, row, k + 1, forks, (k + 0.5) / forks));
                }
                row++;
            }
        }
        slots.sort(Comparator.comparingDouble(Slot::at).thenComparingInt(Slot::row));
        List<Piece> pieces = new ArrayList<>();
        for (Slot s : slots) {
            pieces.add(new Piece(id(pieces.size() + 1, s.run(), s.combination(), s.fork(), s.forks()), s.run(), s.row(), s.fork(), s.forks()));
        }
        return pieces;
    }

    /**
     * Fork {@code fork} of a row that forks until precise grew to {@code forks}: the same one-fork run as
     * {@code template}, one of the row's pieces. Its id is the row's content and the fork, without a
     * position (where it runs is decided while the run goes), so growing the row again never reuses one.
     */
    static Piece extra(Piece template, int fork, int forks) {
        String content = template.id().replaceFirst("^(\\d{3,}|x)-", "").replaceFirst("-fork\\d+(of\\d+)?$", "");
        return new Piece("x-" + content + "-fork" + fork, template.run(), template.row(), fork, forks);
    }

    /** "ScalingBenchmark.run workload=CPU model=X (fork 2 of 5)" for failure lists. */
    String describe() {
        String what = run.describe(run.combinations().get(0));
        return forks == 1 ? what : what + " (fork " + fork + " of " + forks + ")";
    }

    private static String id(int position, PlannedRun run, Map<String, String> combination, int fork, int forks) {
        StringBuilder s = new StringBuilder(String.format(Locale.ROOT, "%03d-%s-t%d", position, run.group(), run.threads()));
        combination.forEach((k, v) -> s.append('-').append(k).append('=').append(v));
        if (forks > 1) {
            s.append("-fork").append(fork).append("of").append(forks);
        }
        // a file name on every file system: parameter values are free text
        return s.toString().replaceAll("[^A-Za-z0-9._=-]", "_");
    }
}
