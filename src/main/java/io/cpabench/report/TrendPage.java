package io.cpabench.report;

import java.util.List;

/**
 * The trends page of a nightly history: an overview of every runner and JDK label (the red ones
 * first), what was left out, then per set the charts of the rows that moved most and every row's table.
 * Same rules as report.html: one file, no network, every text from the history escaped.
 */
final class TrendPage {
    private static final String CSS = String.join("\n",
            ".flagged{color:#c82828;font-weight:600}.accepted{color:#b07800;font-weight:600}",
            ".k-night{color:#0072b2}.k-flag{color:#c82828}.k-acc{color:#e69f00}",
            "ul.sets li,ul.left-out li,ul.marked li{margin:2px 0}ul.marked{font-size:13px}ul.left-out{color:#a33;font-size:13px}",
            ".trends{display:grid;grid-template-columns:1fr 1fr;gap:2px 18px}.trends figure{margin:0 0 6px}",
            ".trends p.cap{margin:8px 0 0;font-size:12px;color:#333}");

    private TrendPage() {}

    static String render(TrendData data) {
        Charts charts = new Charts();
        StringBuilder body = new StringBuilder();
        List<TrendSet> sets = data.sets();
        body.append("<h1>cpabench trends</h1>\n<p>History <code>").append(Html.esc(data.source())).append("</code>: ")
                .append(sets.size()).append(sets.size() == 1 ? " runner/JDK set" : " runner/JDK sets").append(", nights ")
                .append(data.first()).append(" to ").append(data.last()).append(".</p>\n");
        body.append("<p class=\"note\">Each night: <span class=\"k-night\">●</span> the mean of the row's fork means, "
                + "its bar the 95% Student-t interval over forks (as <code>compare</code>; none below 2 forks). "
                + "<span class=\"k-flag\">◆ and a dashed red line</span>: a FLAGGED night (its comparison with the "
                + "pooled good nights before it found a significant regression); <span class=\"k-acc\">▲ and a "
                + "dotted amber line</span>: a flagged night someone ACCEPTED. Every chart of a set spans its nights "
                + "(month-day on the axis). Score in the row's unit of its latest night; p99 in ms, lower is better.</p>\n");
        overview(data, body);
        for (int i = 0; i < sets.size(); i++) {
            set(sets.get(i), i + 1, data.chartsPerSet(), charts, body);
        }
        return HtmlPage.document("cpabench trends", CSS, body, charts);
    }

    private static void overview(TrendData data, StringBuilder out) {
        out.append("<h2 id=\"overview\">Runner and JDK sets</h2>\n<ul class=\"sets\">\n");
        for (int i = 0; i < data.sets().size(); i++) {
            TrendSet s = data.sets().get(i);
            out.append("<li><a href=\"#set-").append(i + 1).append("\">").append(Html.esc(s.title())).append("</a>: ")
                    .append(s.nights().size()).append(s.nights().size() == 1 ? " night" : " nights").append(", last ")
                    .append(s.last().night()).append(status(s.last().mark())).append("</li>\n");
        }
        out.append("</ul>\n");
        if (!data.leftOut().isEmpty()) {
            out.append("<h3>Left out</h3>\n<ul class=\"left-out\">\n");
            data.leftOut().forEach(l -> out.append("<li>").append(Html.esc(l)).append("</li>\n"));
            out.append("</ul>\n");
        }
    }

    /** " FLAGGED (note)" with its class, or nothing for an unmarked night. */
    private static String status(NightMark m) {
        if (m.kind() == NightMark.Kind.NONE) {
            return "";
        }
        String cls = m.flagged() ? "flagged" : "accepted";
        return " <span class=\"" + cls + "\">" + m.word() + "</span>" + (m.note().isEmpty() ? "" : ": " + Html.esc(m.note()));
    }

    private static void set(TrendSet s, int n, int chartsPerSet, Charts charts, StringBuilder out) {
        out.append("<h2 id=\"set-").append(n).append("\">").append(Html.esc(s.title())).append("</h2>\n");
        NightMark last = s.last().mark();
        out.append("<p>").append(s.nights().size()).append(" nights, ").append(s.nights().get(0).night()).append(" to ")
                .append(s.last().night()).append("; ").append(s.flaggedNights()).append(" flagged, ")
                .append(s.acceptedNights()).append(" accepted; the last night ")
                .append(last.kind() == NightMark.Kind.NONE ? "not flagged"
                        : "<span class=\"" + (last.flagged() ? "flagged" : "accepted") + "\">" + last.word() + "</span>")
                .append(".</p>\n");
        marked(s, out);
        if (s.rows().isEmpty()) {
            out.append(Html.noData("no readable result file in these nights (see Left out above)")).append('\n');
            return;
        }
        out.append("<p class=\"note\">").append(Html.esc(TrendData.baselineNote(s))).append("</p>\n");
        out.append("<div class=\"trends\">\n");
        int cells = 0;
        int drawn = Math.min(s.rows().size(), chartsPerSet);
        for (int i = 0; i < drawn; i++) {
            Trend t = s.rows().get(i);
            String name = "#" + (i + 1) + " " + t.label();
            if (t.hasP99() && cells % 2 == 1) {
                out.append("<div></div>\n"); // score and p99 of one row side by side
                cells++;
            }
            cells += figure(charts, name + " · score (" + t.unit() + ")", t.score(), s, out);
            if (t.hasP99()) {
                cells += figure(charts, name + " · p99 (ms)", t.p99(), s, out);
            }
        }
        out.append("</div>\n");
        if (drawn < s.rows().size()) {
            out.append("<p class=\"note\">").append(drawn + 1 == s.rows().size() ? "Row #" + s.rows().size() + " is"
                    : "Rows #" + (drawn + 1) + " to #" + s.rows().size() + " are")
                    .append(" only in the table below (<code>report --history DIR --charts all</code> draws every row).</p>\n");
        }
        // After the charts: a nightly set has 77 rows, and a red night needs the charts of the rows that moved most.
        out.append(Html.table(TrendData.HEADERS, TrendData.rows(s))).append('\n');
    }

    /** Every night a verdict fired, with its file's note: which nights were pooled, or why it was accepted. */
    private static void marked(TrendSet s, StringBuilder out) {
        List<HistoryLayout.NightDir> marked = s.nights().stream().filter(n -> n.mark().kind() != NightMark.Kind.NONE).toList();
        if (marked.isEmpty()) {
            return;
        }
        out.append("<ul class=\"marked\">\n");
        for (int i = marked.size() - 1; i >= 0; i--) {
            out.append("<li>").append(marked.get(i).night()).append(status(marked.get(i).mark())).append("</li>\n");
        }
        out.append("</ul>\n");
    }

    private static int figure(Charts charts, String caption, List<TrendPoint> points, TrendSet s, StringBuilder out) {
        out.append("<div><p class=\"cap\">").append(Html.esc(caption)).append("</p>\n");
        out.append(TrendChart.hasData(points) ? charts.svg(caption, () -> TrendChart.of(points, s.nights()))
                : Html.noData("no night of " + caption + " has a value")).append("</div>\n");
        return 1;
    }
}
