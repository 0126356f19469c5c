package io.cpabench.report;

import io.cpabench.results.Numbers;
import io.cpabench.results.ScalingRows;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * The table under each scaling chart: per model and worker count, tasks/s, speedup over SEQUENTIAL
 * and over the model's own one-worker point, efficiency (speedup per worker), and per model the USL's
 * σ, κ, peak and what they say.
 */
final class ScalingReadings {
    static final List<String> HEADERS = List.of("model", ">workers", ">tasks/s", ">± error", ">vs SEQUENTIAL",
            ">vs 1 worker", ">efficiency", ">σ", ">κ", ">peak N", "reading");

    /**
     * A cell that cannot exist for the group, left blank on purpose: the tables mark only empty cells as
     * missing ("no data"), and this one is not missing.
     */
    static final String BLANK = " ";

    private ScalingReadings() {}

    /** The one note over a table whose σ, κ and peak cells are blank, or "" when they are not. */
    static String note(ScalingGroup g) {
        return g.workerCounts().size() == 1 ? "One worker count: σ, κ and the peak need a curve (three or more worker "
                + "counts, one of them 1), so their cells are blank; the reading says what one speedup over SEQUENTIAL can tell." : "";
    }

    static List<List<String>> rows(ScalingGroup g) {
        List<List<String>> out = new ArrayList<>();
        double seq = g.sequential();
        boolean oneCount = g.workerCounts().size() == 1;
        for (Map.Entry<String, TreeMap<Integer, Point>> m : g.models().entrySet()) {
            boolean baseline = ScalingRows.isSequential(m.getKey());
            Optional<ScalingFits.Fit> fit = baseline ? Optional.empty()
                    : ScalingFits.fit(g, m.getKey(), ScalingGroup.values(m.getValue()), seq);
            Point one = m.getValue().get(1);
            boolean first = true;
            for (Map.Entry<Integer, Point> p : m.getValue().entrySet()) {
                Point v = p.getValue();
                String[] score = Numbers.withError(v.value(), v.error());
                double vsOne = one != null ? v.value() / one.value() : Double.NaN;
                // Efficiency per worker against the model's own one-worker point, else against SEQUENTIAL.
                double eff = (Double.isFinite(vsOne) ? vsOne : v.value() / seq) / p.getKey();
                List<String> row = new ArrayList<>(List.of(m.getKey(), String.valueOf(p.getKey()),
                        v.hasValue() ? score[0] : "", v.hasValue() ? score[1] : "",
                        Numbers.times(v.value() / seq), baseline ? "·" : Numbers.times(vsOne), baseline ? "·" : percent(eff)));
                if (baseline) {
                    row.addAll(List.of("·", "·", "·", "baseline"));
                } else if (first && oneCount) {
                    row.addAll(List.of(BLANK, BLANK, BLANK, fit.map(ScalingFits.Fit::reading).orElse(ScalingFits.UNAVAILABLE)));
                } else if (first && fit.isPresent()) {
                    ScalingFits.Fit f = fit.get();
                    row.addAll(List.of(fixed(f.sigma(), 3), fixed(f.kappa(), 4),
                            peak(f.peak()), f.reading()));
                } else if (first) {
                    row.addAll(List.of("", "", "", ScalingFits.UNAVAILABLE));
                } else {
                    row.addAll(List.of("·", "·", "·", "·"));
                }
                first = false;
                out.add(row);
            }
        }
        return out;
    }

    // √((1−σ)/κ) falls below 1 when σ ≈ 1: throughput is then highest at one worker, not at "0.0".
    private static String peak(double n) {
        return Double.isNaN(n) ? "" : Double.isInfinite(n) ? "∞" : fixed(Math.max(1, n), 1);
    }

    private static String fixed(double x, int decimals) {
        return Double.isFinite(x) ? String.format(Locale.ROOT, "%." + decimals + "f", x) : "";
    }

    static String percent(double x) {
        return Double.isFinite(x) ? String.format(Locale.ROOT, "%.0f%%", 100 * x) : "";
    }
}
