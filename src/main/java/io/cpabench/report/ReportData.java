package io.cpabench.report;

import io.cpabench.results.HeadlineTables;
import java.util.ArrayList;
import java.util.List;

/**
 * Everything the page and the summary show, worked out once: per result set its headline tables,
 * scaling groups, latency profiles and GIL counters; and the diffs of every later set against the first.
 */
record ReportData(List<SetData> sets, List<Diff> diffs, ScalingFits fits) {
    record SetData(ResultSet set, String headline, List<ScalingGroup> scaling,
                   List<LatencyProfiles.Profile> latency, List<GilMetrics.Row> gil) {}

    static ReportData of(List<ResultSet> sets, ScalingFits fits, DiffSource diffSource) {
        List<SetData> data = new ArrayList<>();
        for (ResultSet s : sets) {
            int cores = s.env() != null && s.env().path("logicalCores").canConvertToInt()
                    ? s.env().path("logicalCores").asInt() : Runtime.getRuntime().availableProcessors();
            data.add(new SetData(s, headline(s, cores), ScalingGroups.of(s.rows()), LatencyProfiles.of(s.json()),
                    GilMetrics.of(s.json())));
        }
        List<Diff> diffs = new ArrayList<>();
        for (int i = 1; i < sets.size(); i++) {
            diffs.add(diffSource.compare(sets.get(0), sets.get(i)));
        }
        return new ReportData(data, diffs, fits);
    }

    // The terminal's own tables; a row it cannot read (an unknown unit) must not cost the whole report.
    private static String headline(ResultSet s, int cores) {
        try {
            return new HeadlineTables(s.rows(), cores).render().strip();
        } catch (RuntimeException e) {
            return "";
        }
    }

    /** The compare table's rows: numbered like the forest plot (#1 = largest ratio), then rows it cannot draw. */
    static List<List<String>> compareRows(Diff d) {
        List<Diff.Row> drawn = ForestChart.drawn(d);
        List<List<String>> out = new ArrayList<>();
        for (int i = drawn.size() - 1; i >= 0; i--) {
            out.add(cells("#" + (drawn.size() - i), drawn.get(i)));
        }
        d.rows().stream().filter(r -> !drawn.contains(r)).forEach(r -> out.add(cells("·", r)));
        return out;
    }

    static final List<String> COMPARE_HEADERS = List.of("#", "result row", "unit", ">old", ">new", ">new/old",
            ">interval", "verdict");

    private static List<String> cells(String n, Diff.Row r) {
        String interval = Double.isFinite(r.low()) && Double.isFinite(r.high())
                ? ratio(r.low()) + " – " + ratio(r.high()) : "";
        return List.of(n, r.label(), r.unit(), io.cpabench.results.Numbers.sig(r.oldScore(), 4),
                io.cpabench.results.Numbers.sig(r.newScore(), 4), Double.isFinite(r.ratio()) ? ratio(r.ratio()) : "",
                interval, r.verdict());
    }

    private static String ratio(double x) {
        return String.format(java.util.Locale.ROOT, "%.3f", x);
    }
}
