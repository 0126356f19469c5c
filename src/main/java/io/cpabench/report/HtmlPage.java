package io.cpabench.report;

import io.cpabench.tables.ImitationTable;
import io.cpabench.tables.SimdTable;
import java.util.List;

/**
 * report.html: one file with its CSS, script and SVG charts inline, readable offline and safe to open
 * from any result file: every text from a file is escaped and the CSP forbids loading anything.
 */
final class HtmlPage {
    private static final String CSS = String.join("\n",
            "body{font:14px/1.45 system-ui,-apple-system,'Segoe UI',Roboto,'DejaVu Sans',sans-serif;margin:0 auto;max-width:1100px;padding:0 24px 48px;color:#222}",
            "h1{font-size:24px;margin:24px 0 4px}h2{font-size:19px;margin:32px 0 8px;border-bottom:1px solid #ddd;padding-bottom:4px}",
            "h3{font-size:15px;margin:20px 0 6px}nav a{margin-right:14px}",
            "table{border-collapse:collapse;margin:6px 0 14px;font-size:13px}th,td{padding:3px 9px;border-bottom:1px solid #eee;text-align:left;vertical-align:top}",
            "th{background:#f6f6f6}td.num,th.num{text-align:right;font-variant-numeric:tabular-nums}",
            "pre{background:#f8f8f8;padding:10px;overflow-x:auto;font-size:12px}",
            "figure{margin:8px 0 12px}svg.chart{width:100%;height:auto;max-width:860px;display:block}",
            ".no-data{color:#a33;font-style:italic}p.note{color:#555;font-size:12px}");

    private HtmlPage() {}

    static String render(ReportData data) {
        Charts charts = new Charts();
        StringBuilder body = new StringBuilder();
        body.append("<h1>cpabench report</h1>\n<p>Result sets: ");
        for (int i = 0; i < data.sets().size(); i++) {
            ResultSet s = data.sets().get(i).set();
            body.append(i == 0 ? "" : ", ").append("<code>").append(Html.esc(s.label())).append("</code>");
        }
        body.append("</p>\n<nav><a href=\"#headline\">headline</a>" + (data.imitation().isEmpty() ? "" : "<a href=\"#cpython\">CPython</a>")
                + "<a href=\"#scaling\">scaling</a>"
                + "<a href=\"#latency\">latency</a><a href=\"#simd\">SIMD</a><a href=\"#gil\">GIL</a><a href=\"#diff\">diff</a>"
                + "<a href=\"#environment\">environment</a></nav>\n");
        headline(data, body);
        imitation(data, body);
        scaling(data, charts, body);
        latency(data, charts, body);
        simd(data, charts, body);
        gil(data, charts, body);
        diff(data, charts, body);
        environment(data, body);
        return document("cpabench report", "", body, charts);
    }

    /**
     * The page around a body: the CSP that forbids loading anything, the CSS ({@code extraCss} added to
     * the report's own), and the self-check script counting {@code charts}' SVGs. {@code title} is escaped.
     */
    static String document(String title, String extraCss, CharSequence body, Charts charts) {
        return "<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n"
                + "<meta http-equiv=\"Content-Security-Policy\" content=\"default-src 'none'; style-src 'unsafe-inline'; "
                + "img-src data:; script-src " + PageScript.hash() + "; base-uri 'none'; form-action 'none'\">\n"
                + "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n"
                + "<title>" + Html.esc(title) + "</title>\n<style>\n" + CSS + (extraCss.isEmpty() ? "" : "\n" + extraCss)
                + "\n</style>\n</head>\n"
                + "<body data-charts=\"" + charts.count() + "\">\n" + body
                + "<script>" + PageScript.SOURCE + "</script>\n</body>\n</html>\n";
    }

    private static void headline(ReportData data, StringBuilder out) {
        out.append("<h2 id=\"headline\">Headline</h2>\n");
        for (ReportData.SetData s : data.sets()) {
            out.append("<h3>").append(Html.esc(s.set().label())).append("</h3>\n");
            out.append(s.headline().isEmpty() ? Html.noData("no rows the headline tables read")
                    : "<pre>" + Html.esc(s.headline()) + "</pre>\n");
        }
    }

    /** Only in a report with CPython sets: a page without them stays as it was. */
    private static void imitation(ReportData data, StringBuilder out) {
        if (data.imitation().isEmpty()) {
            return;
        }
        out.append("<h2 id=\"cpython\">CPython beside the imitation</h2>\n");
        for (ReportData.Imitation i : data.imitation()) {
            out.append("<h3>").append(Html.esc(i.title())).append("</h3>\n");
            out.append(i.result().pairs().isEmpty() ? Html.noData("no pair: neither side has the rows a pair needs")
                    : Html.table(ImitationTable.HEADERS, ImitationTable.cells(i.result())) + "\n<p class=\"note\">" + Html.esc(i.legend()) + "</p>\n");
            i.result().notes().forEach(n -> out.append("<p class=\"note\">").append(Html.esc(n)).append("</p>\n"));
        }
    }

    private static void scaling(ReportData data, Charts charts, StringBuilder out) {
        out.append("<h2 id=\"scaling\">Scaling</h2>\n<p class=\"note\">tasks/s against workers; bars are JMH's 99.9% "
                + "error; the dashed line is SEQUENTIAL × N. σ: share of work that serialises (contention), κ: "
                + "coherency cost per pair of workers; peak N = √((1−σ)/κ) (Universal Scalability Law). A group measured "
                + "at one worker count is drawn as bars: each model's speedup over SEQUENTIAL, with the ratio's interval.</p>\n");
        boolean any = false;
        for (ReportData.SetData s : data.sets()) {
            for (ScalingGroup g : s.scaling()) {
                any = true;
                out.append("<h3>").append(Html.esc(s.set().label() + " · " + g.title())).append("</h3>\n");
                if (SpeedupBars.applies(g)) {
                    out.append(charts.svg("speedup " + g.title(), () -> SpeedupBars.of(g))).append('\n');
                } else {
                    out.append(ScalingChart.hasData(g) ? charts.svg("scaling " + g.title(), () -> ScalingChart.of(g))
                            : Html.noData("no finite tasks/s in " + g.title())).append('\n');
                }
                String note = ScalingReadings.note(g);
                out.append(note.isEmpty() ? "" : "<p class=\"note\">" + Html.esc(note) + "</p>\n");
                out.append(Html.table(ScalingReadings.HEADERS, ScalingReadings.rows(g))).append('\n');
            }
        }
        if (!any) {
            out.append(Html.noData("no ScalingBenchmark rows (model × workers)"));
        }
    }

    private static void latency(ReportData data, Charts charts, StringBuilder out) {
        out.append("<h2 id=\"latency\">Latency</h2>\n");
        boolean any = false;
        for (ReportData.SetData s : data.sets()) {
            for (LatencyProfiles.Profile p : s.latency()) {
                any = true;
                out.append("<h3>").append(Html.esc(s.set().label() + " · " + p.title())).append("</h3>\n");
                out.append(LatencyChart.hasData(p) ? charts.svg("latency " + p.title(), () -> LatencyChart.of(p))
                        : Html.noData("no positive latencies in " + p.title())).append('\n');
            }
        }
        if (!any) {
            out.append(Html.noData("no latency percentiles (LoopLatencyBenchmark rows) in these results"));
        }
    }

    private static void simd(ReportData data, Charts charts, StringBuilder out) {
        out.append("<h2 id=\"simd\">SIMD</h2>\n<p class=\"note\">SimdBenchmark: elements per ns over SCALAR at 1 "
                + "worker; lanes are the kernels' gain at 1 worker, threads the gain of the same kernel's bar at more.</p>\n");
        boolean any = false;
        for (ReportData.SetData s : data.sets()) {
            List<SimdTable.Cell> cells = new SimdTable(s.set().rows()).cells();
            if (cells.isEmpty()) {
                continue;
            }
            any = true;
            out.append("<h3>").append(Html.esc(s.set().label())).append("</h3>\n");
            out.append(SimdChart.hasData(cells) ? charts.svg("SIMD", () -> SimdChart.of(cells))
                    : Html.noData("no SCALAR baseline at 1 worker to compare with")).append('\n');
        }
        if (!any) {
            out.append(Html.noData("no SimdBenchmark rows in these results"));
        }
    }

    private static void gil(ReportData data, Charts charts, StringBuilder out) {
        out.append("<h2 id=\"gil\">GIL internals</h2>\n");
        boolean any = false;
        for (ReportData.SetData s : data.sets()) {
            if (s.gil().isEmpty()) {
                continue;
            }
            any = true;
            out.append("<h3>").append(Html.esc(s.set().label())).append("</h3>\n");
            out.append(charts.svg("GIL switches", () -> GilChart.switches(s.gil()))).append('\n');
            out.append(charts.svg("GIL waiting", () -> GilChart.waiting(s.gil()))).append('\n');
            out.append(Html.table(GilTable.HEADERS, GilTable.rows(s.gil()))).append('\n');
        }
        if (!any) {
            out.append(Html.noData("no GIL counters (gilSwitches, gilWaitMs) in these results"));
        }
    }

    private static void diff(ReportData data, Charts charts, StringBuilder out) {
        out.append("<h2 id=\"diff\">Diff</h2>\n");
        if (data.diffs().isEmpty()) {
            out.append(Html.noData("one result set: give two files, or a directory with several runs, for a diff"));
            return;
        }
        for (Diff d : data.diffs()) {
            out.append("<h3>").append(Html.esc(d.newLabel() + " vs " + d.oldLabel())).append("</h3>\n");
            out.append(ForestChart.drawn(d).isEmpty() ? Html.noData("no row both sets can compare")
                    : charts.svg("diff", () -> ForestChart.of(d))).append('\n');
            out.append(Html.table(ReportData.compareHeaders(d), ReportData.compareRows(d)));
            out.append("<p class=\"note\">").append(Html.esc(d.method() + ReportData.detectableNote(d))).append("</p>\n");
        }
        data.unpaired().forEach(u -> out.append("<p class=\"note\">").append(Html.esc(u)).append("</p>\n"));
    }

    private static void environment(ReportData data, StringBuilder out) {
        out.append("<h2 id=\"environment\">Environment</h2>\n");
        for (ReportData.SetData s : data.sets()) {
            out.append("<h3>").append(Html.esc(s.set().label())).append("</h3>\n");
            List<List<String>> rows = EnvRows.of(s.set().env());
            out.append(rows.isEmpty() ? Html.noData("no environment file beside " + s.set().file().getFileName())
                    : Html.table(List.of("key", "value"), rows)).append('\n');
        }
    }
}
