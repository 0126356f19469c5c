package io.cpabench.report;

import java.util.List;

/** summary.md of a history: the trends page's overview and tables without the charts. */
final class TrendMarkdown {
    private TrendMarkdown() {}

    static String render(TrendData data) {
        StringBuilder out = new StringBuilder("# cpabench trends\n\n");
        out.append("Charts: `report.html` beside this file. History `").append(Md.esc(data.source()).replace("`", ""))
                .append("`, nights ").append(data.first()).append(" to ").append(data.last()).append(".\n\n");
        out.append(Md.table(List.of("set", ">nights", "last night", "verdict", "note"), data.sets().stream()
                .map(s -> List.of(s.title(), String.valueOf(s.nights().size()), s.last().night().toString(),
                        s.last().mark().kind() == NightMark.Kind.NONE ? "not flagged" : s.last().mark().word(),
                        s.last().mark().note().isEmpty() ? "-" : s.last().mark().note()))
                .toList()));
        if (!data.leftOut().isEmpty()) {
            out.append("\n## Left out\n\n");
            data.leftOut().forEach(l -> out.append("- ").append(Md.esc(l)).append('\n'));
        }
        for (TrendSet s : data.sets()) {
            out.append("\n## ").append(Md.esc(s.title())).append("\n\n").append(Md.esc(TrendData.baselineNote(s)))
                    .append("\n\n").append(Md.table(TrendData.HEADERS, TrendData.rows(s)));
        }
        return out.toString();
    }
}
