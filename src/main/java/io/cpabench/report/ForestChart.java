package io.cpabench.report;

import java.awt.BasicStroke;
import java.awt.Color;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYChartBuilder;
import org.knowm.xchart.XYSeries;
import org.knowm.xchart.style.markers.SeriesMarkers;

/**
 * A forest plot of new/old: one row per comparable result, sorted by ratio, the point with its
 * interval as a horizontal bar, coloured by verdict, between dashed lines at ±min-effect around 1.
 * Latency percentiles are rows too (a ratio above 1 is a slower tail, as for ns/op), judged against
 * their own band, drawn dotted when there is one. XChart has no horizontal error bars, so each
 * interval is its own two-point line.
 */
final class ForestChart {
    private static final int ROW_HEIGHT = 18;

    private ForestChart() {}

    /** The rows the chart draws, in its order (bottom to top = ascending ratio). */
    static List<Diff.Row> drawn(Diff d) {
        List<Diff.Row> rows = new ArrayList<>(d.rows().stream().filter(r -> Double.isFinite(r.ratio()) && r.ratio() > 0).toList());
        rows.sort(Comparator.comparingDouble(Diff.Row::ratio));
        return rows;
    }

    static XYChart of(Diff d) {
        List<Diff.Row> rows = drawn(d);
        int height = Math.max(260, 120 + ROW_HEIGHT * rows.size());
        boolean latencyRows = rows.stream().anyMatch(Diff.Row::isLatency);
        XYChart chart = new XYChartBuilder().width(ChartStyle.WIDTH).height(height)
                .title("Diff: " + d.newLabel() + " / " + d.oldLabel())
                .xAxisTitle("ratio new/old of the score" + (latencyRows ? " or latency percentile" : "") + " (1 = no change)")
                .yAxisTitle("result row (see the compare table)").build();
        ChartStyle.apply(chart.getStyler());
        // No explicit y range: with one, XChart drops the tick labels of equally spaced data (the row numbers).
        chart.getStyler().setyAxisTickLabelsFormattingFunction(y -> label(y, rows));
        boolean latencyBand = latencyRows && Double.isFinite(d.latencyMinEffect());
        double widest = latencyBand ? Math.max(d.minEffect(), d.latencyMinEffect()) : d.minEffect();
        double lo = 1 / (1 + widest);
        double hi = 1 + widest;
        for (int i = 0; i < rows.size(); i++) {
            Diff.Row r = rows.get(i);
            lo = Math.min(lo, Double.isFinite(r.low()) ? r.low() : r.ratio());
            hi = Math.max(hi, Double.isFinite(r.high()) ? r.high() : r.ratio());
            if (Double.isFinite(r.low()) && Double.isFinite(r.high())) {
                XYSeries bar = chart.addSeries("interval " + i, new double[] {r.low(), r.high()}, new double[] {i, i});
                bar.setMarker(SeriesMarkers.NONE);
                bar.setLineColor(color(r.verdict()));
                bar.setLineStyle(new BasicStroke(2f));
                bar.setShowInLegend(false);
            }
        }
        for (String v : List.of("faster", "slower", "~", "unsure")) {
            List<Integer> idx = new ArrayList<>();
            for (int i = 0; i < rows.size(); i++) {
                if (v.equals(rows.get(i).verdict())) {
                    idx.add(i);
                }
            }
            if (!idx.isEmpty()) {
                XYSeries pts = chart.addSeries(v.equals("~") ? "~ (no change)" : v,
                        idx.stream().mapToDouble(i -> rows.get(i).ratio()).toArray(), idx.stream().mapToDouble(i -> i).toArray());
                pts.setXYSeriesRenderStyle(org.knowm.xchart.XYSeries.XYSeriesRenderStyle.Scatter);
                pts.setMarker(SeriesMarkers.DIAMOND);
                pts.setMarkerColor(color(v));
            }
        }
        double pad = (hi - lo) * 0.08;
        chart.getStyler().setXAxisMin(lo - pad).setXAxisMax(hi + pad);
        BasicStroke dashed = new BasicStroke(1f, BasicStroke.CAP_BUTT, BasicStroke.JOIN_MITER, 10f, new float[] {5f, 4f}, 0f);
        vertical(chart, "no change", 1.0, rows.size(), new Color(60, 60, 60), new BasicStroke(1f), false);
        String band = String.format(java.util.Locale.ROOT, "±%.0f%% (min effect)", 100 * d.minEffect());
        vertical(chart, band, 1 + d.minEffect(), rows.size(), ChartStyle.SAME, dashed, true);
        vertical(chart, band + " ", 1 / (1 + d.minEffect()), rows.size(), ChartStyle.SAME, dashed, false);
        if (latencyBand) {
            BasicStroke dotted = new BasicStroke(1f, BasicStroke.CAP_BUTT, BasicStroke.JOIN_MITER, 10f, new float[] {1.5f, 3f}, 0f);
            String tail = String.format(java.util.Locale.ROOT, "±%.0f%% (latency band)", 100 * d.latencyMinEffect());
            vertical(chart, tail, 1 + d.latencyMinEffect(), rows.size(), ChartStyle.SAME, dotted, true);
            vertical(chart, tail + " ", 1 / (1 + d.latencyMinEffect()), rows.size(), ChartStyle.SAME, dotted, false);
        }
        return chart;
    }

    // A series rather than an AnnotationLine: XChart styles all annotation lines alike.
    private static void vertical(XYChart chart, String name, double x, int rows, Color color, BasicStroke stroke, boolean legend) {
        XYSeries s = chart.addSeries(name, new double[] {x, x}, new double[] {0, Math.max(0, rows - 1)});
        s.setMarker(SeriesMarkers.NONE);
        s.setLineColor(color);
        s.setLineStyle(stroke);
        s.setShowInLegend(legend);
    }

    /**
     * Row numbers (1 = the top row of the compare table) on whole positions only. Kept this short on
     * purpose: XChart's tick layout for equally spaced values did not terminate with long row names.
     */
    private static String label(double y, List<Diff.Row> rows) {
        long k = Math.round(y);
        return Math.abs(y - k) < 1e-6 && k >= 0 && k < rows.size() ? "#" + (rows.size() - k) : "";
    }

    static Color color(String verdict) {
        switch (verdict) {
            case "faster": return ChartStyle.FASTER;
            case "slower": return ChartStyle.SLOWER;
            case "~": return ChartStyle.SAME;
            default: return ChartStyle.UNSURE;
        }
    }
}
