package io.cpabench.report;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.List;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYChartBuilder;
import org.knowm.xchart.XYSeries;
import org.knowm.xchart.style.markers.SeriesMarkers;

/**
 * One row's score or p99 over the nights, small enough for two side by side: each night its mean
 * with the 95% interval over forks as a bar, joined by a line; a flagged night as a red diamond on a
 * dashed red line across the plot, an accepted one as an amber triangle on a dotted amber line, so
 * the verdict shows even on a chart where the night has no point. Every chart of a set spans the
 * set's nights, so the same night sits at the same place in each. No title, legend or axis title:
 * the page says them once in HTML, which keeps each inline SVG small.
 */
final class TrendChart {
    static final int WIDTH = 520;
    static final int HEIGHT = 210;
    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("MM-dd");

    private TrendChart() {}

    static XYChart of(List<TrendPoint> points, List<HistoryLayout.NightDir> nights) {
        XYChart chart = new XYChartBuilder().width(WIDTH).height(HEIGHT).build();
        ChartStyle.apply(chart.getStyler());
        chart.getStyler().setChartTitleVisible(false).setLegendVisible(false);
        chart.getStyler().setAxisTitlesVisible(false);
        chart.getStyler().setAxisTickLabelsFont(new Font(Font.SANS_SERIF, Font.PLAIN, 10));
        chart.getStyler().setChartPadding(4);
        chart.getStyler().setMarkerSize(6);
        chart.getStyler().setErrorBarsColorSeriesColor(true);
        chart.getStyler().setxAxisTickLabelsFormattingFunction(TrendChart::day);
        double lo = Double.POSITIVE_INFINITY;
        double hi = Double.NEGATIVE_INFINITY;
        for (TrendPoint p : points) {
            lo = Math.min(lo, p.mean() - p.halfWidth());
            hi = Math.max(hi, p.mean() + p.halfWidth());
        }
        double pad = Math.max((hi - lo) * 0.08, Math.abs(hi) * 0.01 + 1e-9);
        lo -= pad;
        hi += pad;
        chart.getStyler().setYAxisMin(lo).setYAxisMax(hi);
        // The set's first and last night as an invisible series, not an explicit x range: with one, XChart
        // drops the tick labels of equally spaced data (one point a day), so the dates would vanish.
        XYSeries span = chart.addSeries("nights of the set", new double[] {nights.get(0).night().toEpochDay(),
            nights.get(nights.size() - 1).night().toEpochDay()}, new double[] {lo, lo});
        span.setMarker(SeriesMarkers.NONE);
        span.setLineColor(new Color(0, 0, 0, 0));
        for (HistoryLayout.NightDir n : nights) {
            if (n.mark().flagged() || n.mark().accepted()) {
                double x = n.night().toEpochDay();
                XYSeries line = chart.addSeries("mark " + n.night(), new double[] {x, x}, new double[] {lo, hi});
                line.setMarker(SeriesMarkers.NONE);
                line.setLineColor(n.mark().flagged() ? ChartStyle.SLOWER : ChartStyle.UNSURE);
                line.setLineStyle(n.mark().flagged() ? dashes(5f, 3f) : dashes(1.5f, 2.5f));
            }
        }
        XYSeries all = chart.addSeries("nights", points.stream().mapToDouble(TrendChart::x).toArray(),
                points.stream().mapToDouble(TrendPoint::mean).toArray(),
                points.stream().mapToDouble(TrendPoint::halfWidth).toArray());
        all.setMarker(SeriesMarkers.CIRCLE);
        all.setMarkerColor(ChartStyle.PALETTE[0]);
        all.setLineColor(ChartStyle.PALETTE[0]);
        all.setLineStyle(new BasicStroke(1.2f));
        marked(chart, points, NightMark.Kind.FLAGGED, ChartStyle.SLOWER);
        marked(chart, points, NightMark.Kind.ACCEPTED, ChartStyle.UNSURE);
        return chart;
    }

    static boolean hasData(List<TrendPoint> points) {
        return points.stream().anyMatch(p -> Double.isFinite(p.mean()));
    }

    private static void marked(XYChart chart, List<TrendPoint> points, NightMark.Kind kind, Color color) {
        List<TrendPoint> these = points.stream().filter(p -> p.mark().kind() == kind).toList();
        if (these.isEmpty()) {
            return;
        }
        XYSeries s = chart.addSeries(kind.name(), these.stream().mapToDouble(TrendChart::x).toArray(),
                these.stream().mapToDouble(TrendPoint::mean).toArray());
        s.setXYSeriesRenderStyle(XYSeries.XYSeriesRenderStyle.Scatter);
        s.setMarker(kind == NightMark.Kind.FLAGGED ? SeriesMarkers.DIAMOND : SeriesMarkers.TRIANGLE_UP);
        s.setMarkerColor(color);
    }

    private static double x(TrendPoint p) {
        return p.night().toEpochDay();
    }

    /** "01-08" on whole days only; the page names the year range. */
    private static String day(double x) {
        long d = Math.round(x);
        return Math.abs(x - d) < 1e-6 ? LocalDate.ofEpochDay(d).format(DAY) : "";
    }

    private static BasicStroke dashes(float on, float off) {
        return new BasicStroke(1.2f, BasicStroke.CAP_BUTT, BasicStroke.JOIN_MITER, 10f, new float[] {on, off}, 0f);
    }
}
