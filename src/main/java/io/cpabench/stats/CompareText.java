package io.cpabench.stats;

import io.cpabench.tables.TextTable;
import java.util.List;
import java.util.Set;

/**
 * {@code compare --format text}: one aligned table per benchmark method and mode, like benchstat's,
 * a row's latency percentiles as indented sub-rows under it.
 */
public final class CompareText {
    private CompareText() {}

    public static String render(Comparison c) {
        StringBuilder out = new StringBuilder();
        String nl = System.lineSeparator();
        Cells.sections(c.rows()).forEach((name, rows) -> {
            RowComparison first = rows.get(0);
            out.append(name).append(" (").append(Cells.direction(first.unit(), first.higherIsBetter()))
                    .append(Cells.subRowDirection(c, rows)).append(')').append(nl);
            Set<String> shown = Cells.varying(rows.stream().map(RowComparison::key).toList());
            TextTable t = new TextTable("params", ">old", ">forks", ">new", ">forks", ">new/old", "95% CI", ">p", "verdict");
            for (RowComparison r : rows) {
                row(t, r.key().paramsText(shown), r);
                c.latencyOf(r.key()).forEach(l -> row(t, "  " + Cells.subRow(l), l));
            }
            out.append(t.render()).append(nl);
        });
        if (!c.geomeans().isEmpty()) {
            TextTable g = new TextTable("geomean", "mode", ">new/old", ">rows");
            c.geomeans().forEach(m -> g.row(m.benchmarkClass(), m.mode(), Cells.ratio(m.ratio()), String.valueOf(m.rows())));
            out.append(g.render()).append(nl);
        }
        if (!c.tooNoisy().isEmpty()) {
            out.append(Cells.TOO_NOISY_TITLE).append(nl);
            c.tooNoisy().forEach(t -> out.append("  ").append(Cells.tooNoisy(t)).append(nl));
            out.append(nl);
        }
        oneSided(out, "only in old, not compared:", c.onlyOld());
        oneSided(out, "only in new, not compared:", c.onlyNew());
        List<String> unsure = Cells.unsureNotes(c);
        if (!unsure.isEmpty()) {
            out.append(Cells.unsureTitle(c)).append(nl);
            unsure.forEach(u -> out.append("  ").append(u).append(nl));
            out.append(nl);
        }
        out.append(Cells.summary(c)).append(nl).append(Cells.method(c)).append(nl);
        c.loads().forEach(l -> out.append("machine load, ").append(l.line()).append(nl));
        return out.toString();
    }

    private static void row(TextTable t, String first, RowComparison r) {
        t.row(first, Cells.score(r.oldInterval(), r.oldSample()), String.valueOf(r.oldSample().forks()),
                Cells.score(r.newInterval(), r.newSample()), String.valueOf(r.newSample().forks()),
                Cells.ratio(r.ratio()), Cells.interval(r.ratio()), Cells.p(r.pValue()), Cells.verdict(r));
    }

    private static void oneSided(StringBuilder out, String title, List<PooledRow> rows) {
        if (rows.isEmpty()) {
            return;
        }
        out.append(title).append(System.lineSeparator());
        rows.forEach(r -> out.append("  ").append(Cells.oneSided(r)).append(System.lineSeparator()));
        out.append(System.lineSeparator());
    }
}
