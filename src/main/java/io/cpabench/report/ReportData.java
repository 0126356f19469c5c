package io.cpabench.report;

import io.cpabench.results.ResultPaths;
import io.cpabench.tables.HeadlineTables;
import io.cpabench.tables.ImitationPairs;
import io.cpabench.tables.ImitationTable;
import java.util.ArrayList;
import io.cpabench.stats.NoiseFloor;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/**
 * Everything the page and the summary show, worked out once: per result set its headline tables,
 * scaling groups, latency profiles and GIL counters; and the diffs of every later set against the first.
 */
record ReportData(List<SetData> sets, List<Diff> diffs, List<String> unpaired, List<Imitation> imitation) {
    /** One CPython interpreter's set beside the first JVM set: the GIL imitations against the real models. */
    record Imitation(String title, ImitationPairs.Result result, String legend) {}

    record SetData(ResultSet set, String headline, List<ScalingGroup> scaling,
                   List<LatencyProfiles.Profile> latency, List<GilMetrics.Row> gil) {}

    /** @param floor a noise-floor file's calibrations, whose detectable effects the diffs show; null for none */
    static ReportData of(SetPlan plan, NoiseFloor floor) {
        List<SetData> data = new ArrayList<>();
        for (ResultSet s : plan.sets()) {
            int cores = s.env() != null && s.env().path("logicalCores").canConvertToInt()
                    ? s.env().path("logicalCores").asInt() : Runtime.getRuntime().availableProcessors();
            data.add(new SetData(s, headline(s, cores), ScalingGroups.of(s.rows()), LatencyProfiles.of(s.json()),
                    GilMetrics.of(s.json())));
        }
        List<Diff> diffs = new ArrayList<>();
        for (SetPlan.Pair p : plan.diffs()) {
            Diff d = Diff.between(p.oldSet(), p.newSet());
            Optional<NoiseFloor.Calibration> c = floor == null ? Optional.empty() : floor.forLabel(jdkLabel(p.newSet()));
            diffs.add(c.isPresent() ? d.withFloor(c.get()) : d);
        }
        return new ReportData(data, diffs, plan.unpaired(), imitation(plan.sets()));
    }

    /** Each CPython set beside the first JVM set, when there are both (run --python, or a report of its directory). */
    private static List<Imitation> imitation(List<ResultSet> sets) {
        List<Imitation> out = new ArrayList<>();
        ResultSet jvm = sets.stream().filter(s -> !ResultSets.isCpython(s)).findFirst().orElse(null);
        if (jvm == null) {
            return out;
        }
        for (ResultSet s : sets) {
            if (ResultSets.isCpython(s)) {
                boolean gilOff = s.env() != null && !s.env().path("interpreter").path("gilEnabled").asBoolean(true);
                out.add(new Imitation(jvm.label() + " ↔ " + s.label(), ImitationPairs.of(jvm.rows(), s.rows()),
                        ImitationTable.legend(s.label(), gilOff)));
            }
        }
        return out;
    }

    // jdk17 for runner/jdk17/stamp.json: which of a noise-floor file's calibrations applies
    private static String jdkLabel(ResultSet s) {
        Path dir = s.file().toAbsolutePath().getParent();
        String name = dir == null || dir.getFileName() == null ? "" : dir.getFileName().toString();
        return ResultPaths.isJdkDirectory(name) ? name : "";
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
            out.add(cells("#" + (drawn.size() - i), drawn.get(i), d.floor()));
        }
        d.rows().stream().filter(r -> !drawn.contains(r)).forEach(r -> out.add(cells("·", r, d.floor())));
        return out;
    }

    static final List<String> COMPARE_HEADERS = List.of("#", "result row", "unit", ">old", ">new", ">new/old",
            ">interval", "verdict");

    /** With a noise floor, a column beside the verdict: the smallest change this machine detects in that row. */
    static List<String> compareHeaders(Diff d) {
        if (d.floor() == null) {
            return COMPARE_HEADERS;
        }
        List<String> h = new ArrayList<>(COMPARE_HEADERS);
        h.add(">detectable");
        return h;
    }

    /** The sentence under a diff's table that says where its detectable effects come from; empty without. */
    static String detectableNote(Diff d) {
        return d.floor() == null ? "" : "; detectable: the smallest change a comparison at the A/A runs' forks finds"
                + " with the noise-floor file's power (A/A runs " + d.floor().oldPath() + " and " + d.floor().newPath() + ")";
    }

    private static List<String> cells(String n, Diff.Row r, NoiseFloor.Calibration floor) {
        String interval = Double.isFinite(r.low()) && Double.isFinite(r.high())
                ? ratio(r.low()) + " – " + ratio(r.high()) : "";
        List<String> c = new ArrayList<>(List.of(n, r.label(), r.unit(), io.cpabench.results.Numbers.sig(r.oldScore(), 4),
                io.cpabench.results.Numbers.sig(r.newScore(), 4), Double.isFinite(r.ratio()) ? ratio(r.ratio()) : "",
                interval, r.verdict()));
        if (floor != null) {
            double mde = floor.detectable(r.key());
            c.add(Double.isFinite(mde) ? "±" + io.cpabench.results.Numbers.sig(100 * mde, 2) + "%" : "not measured");
        }
        return c;
    }

    private static String ratio(double x) {
        return String.format(java.util.Locale.ROOT, "%.3f", x);
    }
}
