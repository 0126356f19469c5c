package io.cpabench.report;

import io.cpabench.results.Numbers;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;

/**
 * Everything the trends page and its summary show, worked out once: the ordered sets, what was left
 * out of them (unreadable files, misplaced directories), and the tables both pages print.
 *
 * @param source the history directory as given, shown on the page
 * @param chartsPerSet how many rows of each set get charts, the first in the page's order (all are in its table)
 */
record TrendData(String source, List<TrendSet> sets, List<String> leftOut, int chartsPerSet) {
    static final List<String> HEADERS = List.of("#", "result row", "unit", ">nights", ">last night", ">±95%",
            ">vs baseline", ">p99 last night (ms)", ">p99 ±95%", ">p99 vs baseline");

    // An en dash, not a missing value: a closed-loop row has no percentiles to miss.
    private static final String[] NO_P99 = {"–", "–"};

    LocalDate first() {
        return sets.stream().map(s -> s.nights().get(0).night()).min(LocalDate::compareTo).orElseThrow();
    }

    LocalDate last() {
        return sets.stream().map(s -> s.last().night()).max(LocalDate::compareTo).orElseThrow();
    }

    /** One table row per trend, numbered as the charts are. */
    static List<List<String>> rows(TrendSet s) {
        List<List<String>> out = new ArrayList<>();
        LocalDate last = s.last().night();
        for (int i = 0; i < s.rows().size(); i++) {
            Trend t = s.rows().get(i);
            String[] score = at(t.score(), last);
            String[] p99 = t.hasP99() ? at(t.p99(), last) : NO_P99;
            out.add(List.of("#" + (i + 1), t.label(), t.unit(), String.valueOf(t.score().size()), score[0], score[1],
                    Trend.change(t.scoreWorse()), p99[0], p99[1], t.hasP99() ? Trend.change(t.p99Worse()) : NO_P99[0]));
        }
        return out;
    }

    /** What "vs baseline" means for this set, in words. */
    static String baselineNote(TrendSet s) {
        if (s.baseline().isEmpty()) {
            return "No good night before the last one, so no change against a baseline; rows in benchmark order.";
        }
        return "vs baseline: the last night's mean against the mean of the forks of the nights the nightly pools to "
                + "judge it (nightly.sh's rule with its default of " + BaselineNights.K + " nights: "
                + s.baseline().stream().map(LocalDate::toString).collect(Collectors.joining(", "))
                + "), in the bad direction. Rows with the largest change come first. It orders the rows; the "
                + "verdict is the FLAGGED file's.";
    }

    // The value and the interval's half-width of the set's last night, at the precision the interval allows.
    private static String[] at(List<TrendPoint> points, LocalDate night) {
        for (TrendPoint p : points) {
            if (p.night().equals(night)) {
                String[] v = Numbers.withError(p.mean(), p.hasInterval() ? p.halfWidth() : Double.NaN);
                return new String[] {v[0], v[1]};
            }
        }
        return new String[] {"", ""};
    }
}
