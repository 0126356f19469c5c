package io.cpabench.report;

import io.cpabench.results.EnvironmentFile;
import io.cpabench.results.PrecisionOutcome;
import io.cpabench.tables.ImitationTable;
import java.util.ArrayList;
import java.util.List;

/** summary.md: the report's tables without the charts, for a pull request, a wiki or a terminal. */
final class SummaryMarkdown {
    private SummaryMarkdown() {}

    static String render(ReportData data) {
        StringBuilder out = new StringBuilder("# cpabench summary\n\n");
        out.append("Charts: `report.html` beside this file. Result sets: ");
        data.sets().forEach(s -> out.append('`').append(Md.esc(s.set().label()).replace("`", "")).append("` "));
        out.append("\n\n## Headline\n");
        for (ReportData.SetData s : data.sets()) {
            out.append("\n### ").append(Md.esc(s.set().label())).append("\n\n")
                    .append(s.headline().isEmpty() ? "no data\n" : Md.pre(s.headline()));
        }
        if (!data.imitation().isEmpty()) {
            out.append("\n## CPython beside the imitation\n");
            for (ReportData.Imitation i : data.imitation()) {
                out.append("\n### ").append(Md.esc(i.title())).append("\n\n");
                out.append(i.result().pairs().isEmpty() ? "no pair: neither side has the rows a pair needs\n"
                        : Md.table(ImitationTable.HEADERS, ImitationTable.cells(i.result())) + "\n" + Md.esc(i.legend()) + "\n");
                i.result().notes().forEach(n -> out.append("\n").append(Md.esc(n)).append("\n"));
            }
        }
        out.append("\n## Scaling\n");
        boolean any = false;
        for (ReportData.SetData s : data.sets()) {
            for (ScalingGroup g : s.scaling()) {
                any = true;
                String note = ScalingReadings.note(g);
                out.append("\n### ").append(Md.esc(s.set().label() + " · " + g.title())).append("\n\n")
                        .append(note.isEmpty() ? "" : Md.esc(note) + "\n\n")
                        .append(Md.table(ScalingReadings.HEADERS, ScalingReadings.rows(g)));
            }
        }
        out.append(any ? "" : "\nno data: no ScalingBenchmark rows\n");
        out.append("\n## Diff\n");
        if (data.diffs().isEmpty()) {
            out.append("\nno data: one result set\n");
        }
        for (Diff d : data.diffs()) {
            out.append("\n### ").append(Md.esc(d.newLabel() + " vs " + d.oldLabel())).append("\n\n")
                    .append(Md.table(ReportData.compareHeaders(d), ReportData.compareRows(d)))
                    .append("\n").append(Md.esc(d.method() + ReportData.detectableNote(d))).append("\n");
        }
        data.unpaired().forEach(u -> out.append("\n").append(Md.esc(u)).append("\n"));
        tooNoisy(out, data);
        out.append("\n## Environment\n");
        for (ReportData.SetData s : data.sets()) {
            List<List<String>> rows = EnvRows.of(s.set().env());
            out.append("\n### ").append(Md.esc(s.set().label())).append("\n\n")
                    .append(rows.isEmpty() ? "no data: no environment file\n" : Md.table(List.of("key", "value"), rows));
        }
        return out.toString();
    }

    /** The rows a set's run marked too noisy on its machine (forks until precise at its cap), only when a run forked until precise. */
    private static void tooNoisy(StringBuilder out, ReportData data) {
        boolean any = data.sets().stream().anyMatch(s -> s.set().env() != null && s.set().env().has(EnvironmentFile.FORKS_UNTIL_PRECISE));
        if (!any) {
            return;
        }
        out.append("\n## Forks until precise\n");
        for (ReportData.SetData s : data.sets()) {
            if (s.set().env() == null || !s.set().env().has(EnvironmentFile.FORKS_UNTIL_PRECISE)) {
                continue;
            }
            List<PrecisionOutcome> rows = new ArrayList<>();
            s.set().env().path(EnvironmentFile.FORKS_UNTIL_PRECISE).forEach(o -> {
                try {
                    rows.add(PrecisionOutcome.of(o));
                } catch (IllegalArgumentException e) {
                    // a damaged entry is left out of the summary, as a damaged environment file is
                }
            });
            List<PrecisionOutcome> noisy = rows.stream().filter(PrecisionOutcome::tooNoisy).toList();
            out.append("\n### ").append(Md.esc(s.set().label())).append("\n\n");
            out.append(rows.size() - noisy.size()).append(" of ").append(rows.size()).append(" rows that forked until precise reached it; ")
                    .append(noisy.size() == 0 ? "none too noisy on this machine\n" : noisy.size() + " too noisy on this machine:\n\n");
            noisy.forEach(r -> out.append("- ").append(Md.esc(r.describe())).append('\n'));
        }
    }
}
