package io.cpabench.report;

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
        out.append("\n## Scaling\n");
        boolean any = false;
        for (ReportData.SetData s : data.sets()) {
            for (ScalingGroup g : s.scaling()) {
                any = true;
                out.append("\n### ").append(Md.esc(s.set().label() + " · " + g.title())).append("\n\n")
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
        out.append("\n## Environment\n");
        for (ReportData.SetData s : data.sets()) {
            List<List<String>> rows = EnvRows.of(s.set().env());
            out.append("\n### ").append(Md.esc(s.set().label())).append("\n\n")
                    .append(rows.isEmpty() ? "no data: no environment file\n" : Md.table(List.of("key", "value"), rows));
        }
        return out.toString();
    }
}
