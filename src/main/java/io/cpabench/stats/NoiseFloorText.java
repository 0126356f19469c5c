package io.cpabench.stats;

import io.cpabench.tables.TextTable;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/** {@code noise-floor}'s terminal output: per JDK label, one table per benchmark method and mode, then a summary. */
public final class NoiseFloorText {
    private NoiseFloorText() {}

    public static String render(NoiseFloor f) {
        StringBuilder out = new StringBuilder();
        String nl = System.lineSeparator();
        for (NoiseFloor.Calibration c : f.sets()) {
            out.append("== ").append(c.label().isEmpty() ? "" : c.label() + ": ").append(c.oldPath()).append(" and ")
                    .append(c.newPath()).append(" ==").append(nl).append(nl);
            Map<String, List<NoiseFloor.Row>> sections = new LinkedHashMap<>();
            c.rows().forEach(r -> sections.computeIfAbsent(r.key().shortName() + " " + r.key().mode(), k -> new ArrayList<>()).add(r));
            sections.forEach((name, rows) -> {
                out.append(name).append(nl);
                Set<String> shown = Cells.varying(rows.stream().map(NoiseFloor.Row::key).toList());
                TextTable t = new TextTable("params", ">forks", ">spread old", ">spread new",
                        ">detectable", ">forks for " + band(0), ">forks for " + band(1));
                for (NoiseFloor.Row r : rows) {
                    if (r.reason() != null) {
                        t.row(r.key().paramsText(shown), r.oldForks() + "/" + r.newForks(), "", "", r.reason(), "", "");
                    } else {
                        t.row(r.key().paramsText(shown), r.oldForks() + "/" + r.newForks(), Cells.percent(r.oldSpread()),
                                Cells.percent(r.newSpread()), Cells.percent(r.detectable()),
                                ForksNeeded.text(r.forksForBand()[0]), ForksNeeded.text(r.forksForBand()[1]));
                    }
                }
                out.append(t.render()).append(nl);
            });
            out.append(summary(c)).append(nl).append(nl);
        }
        f.notMeasured().forEach(m -> out.append("not measured: ").append(m).append(nl));
        out.append(String.format(Locale.ROOT, "detectable: the smallest change a comparison at these runs' forks finds in %.0f%% of"
                + " cases (two-sided Welch t on log fork means, alpha %s); spread: sd of the log fork means;"
                + " forks for ±b: forks a side whose detectable effect is within ±b, if the fork means keep their spread",
                100 * f.power(), f.alpha())).append(nl);
        return out.toString();
    }

    /** "77 rows measured: detectable effect 0.02% to 12.1% (median 3.03%); over ±2% in 50, over ±5% in 20". */
    static String summary(NoiseFloor.Calibration c) {
        List<NoiseFloor.Row> measured = c.rows().stream().filter(r -> r.reason() == null).toList();
        if (measured.isEmpty()) {
            return c.rows().size() + " rows, none with the forks for a detectable effect";
        }
        double[] d = measured.stream().mapToDouble(NoiseFloor.Row::detectable).sorted().toArray();
        double median = d.length % 2 == 1 ? d[d.length / 2] : (d[d.length / 2 - 1] + d[d.length / 2]) / 2;
        long over = measured.stream().filter(r -> r.detectable() > NoiseFloor.BANDS[1]).count();
        long over2 = measured.stream().filter(r -> r.detectable() > NoiseFloor.BANDS[0]).count();
        return String.format(Locale.ROOT, "%d rows measured: detectable effect %s to %s (median %s); over %s in %d, over %s in %d%s",
                measured.size(), Cells.percent(d[0]), Cells.percent(d[d.length - 1]), Cells.percent(median),
                band(0), over2, band(1), over,
                measured.size() < c.rows().size() ? "; " + (c.rows().size() - measured.size()) + " not measured" : "");
    }

    private static String band(int i) {
        return "±" + NoiseFloorJson.band(NoiseFloor.BANDS[i]);
    }
}
