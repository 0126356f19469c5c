package io.cpabench.stats;

import java.util.List;
import java.util.Set;

/**
 * {@code compare --format md}: GitHub-flavoured Markdown for a CI job summary, a row's latency
 * percentiles as "↳ p99 (ms)" sub-rows under it.
 */
public final class CompareMarkdown {
    private CompareMarkdown() {}

    public static String render(Comparison c) {
        StringBuilder out = new StringBuilder();
        String nl = "\n";
        out.append("**").append(Cells.summary(c)).append("**").append(nl).append(nl);
        if (!c.loads().isEmpty()) {
            c.loads().forEach(l -> out.append("- machine load, ").append(esc(l.line())).append(nl));
            out.append(nl);
        }
        Cells.sections(c.rows()).forEach((name, rows) -> {
            RowComparison first = rows.get(0);
            out.append("#### ").append(esc(name)).append(" (").append(Cells.direction(first.unit(), first.higherIsBetter()))
                    .append(Cells.subRowDirection(c, rows)).append(')').append(nl).append(nl);
            Set<String> shown = Cells.varying(rows.stream().map(RowComparison::key).toList());
            out.append("| params | old | new | new/old | 95% CI | p | verdict |").append(nl);
            out.append("|---|--:|--:|--:|---|--:|---|").append(nl);
            for (RowComparison r : rows) {
                row(out, r.key().paramsText(shown), r);
                c.latencyOf(r.key()).forEach(l -> row(out, Cells.subRow(l), l));
            }
            out.append(nl);
        });
        if (!c.geomeans().isEmpty()) {
            out.append("| geomean | mode | new/old | rows |").append(nl).append("|---|---|--:|--:|").append(nl);
            c.geomeans().forEach(m -> out.append("| ").append(esc(m.benchmarkClass())).append(" | ").append(esc(m.mode())).append(" | ")
                    .append(Cells.ratio(m.ratio())).append(" | ").append(m.rows()).append(" |").append(nl));
            out.append(nl);
        }
        if (!c.tooNoisy().isEmpty()) {
            out.append(esc(Cells.TOO_NOISY_TITLE)).append("\n\n");
            c.tooNoisy().forEach(t -> out.append("- ").append(esc(Cells.tooNoisy(t))).append('\n'));
            out.append('\n');
        }
        oneSided(out, "Only in old, not compared", c.onlyOld());
        oneSided(out, "Only in new, not compared", c.onlyNew());
        List<String> unsure = Cells.unsureNotes(c);
        if (!unsure.isEmpty()) {
            out.append(esc(Cells.unsureTitle(c))).append(":\n\n");
            unsure.forEach(u -> out.append("- ").append(esc(u)).append('\n'));
            out.append('\n');
        }
        out.append("<sub>").append(esc(Cells.method(c))).append("</sub>").append(nl);
        return out.toString();
    }

    private static void row(StringBuilder out, String first, RowComparison r) {
        String v = Cells.verdict(r);
        out.append("| ").append(esc(first))
                .append(" | ").append(Cells.score(r.oldInterval(), r.oldSample())).append(" (").append(r.oldSample().forks()).append(')')
                .append(" | ").append(Cells.score(r.newInterval(), r.newSample())).append(" (").append(r.newSample().forks()).append(')')
                .append(" | ").append(Cells.ratio(r.ratio()))
                .append(" | ").append(Cells.interval(r.ratio()))
                .append(" | ").append(Cells.p(r.pValue()))
                .append(" | ").append(r.verdict().isChange() ? "**" + esc(v) + "**" : esc(v)).append(" |").append('\n');
    }

    private static void oneSided(StringBuilder out, String title, List<PooledRow> rows) {
        if (rows.isEmpty()) {
            return;
        }
        out.append(title).append(":\n\n");
        rows.forEach(r -> out.append("- ").append(esc(Cells.oneSided(r))).append('\n'));
        out.append('\n');
    }

    private static String esc(String s) {
        return MarkdownText.escape(s);
    }
}
