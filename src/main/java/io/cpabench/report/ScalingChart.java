package io.cpabench.report;

import java.awt.BasicStroke;
import java.awt.Color;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYChartBuilder;
import org.knowm.xchart.XYSeries;
import org.knowm.xchart.style.markers.SeriesMarkers;

/**
 * tasks/s against workers for one {@link ScalingGroup}: workers on a log₂ axis (so 1, 2, 4 … 64 are
 * evenly spaced and a linear speedup is a straight line), one line per model with JMH's error as bars,
 * and the ideal N × SEQUENTIAL line. Throughput goes on a log axis when models differ by more than
 * 20×, as event loops and thread pools do on I/O, else the slow models would sit on the floor.
 */
final class ScalingChart {
    private ScalingChart() {}

    static XYChart of(ScalingGroup g) {
        XYChart chart = new XYChartBuilder().width(ChartStyle.WIDTH).height(ChartStyle.HEIGHT)
                .title("Scaling: " + g.title()).xAxisTitle("workers (log2 scale)").yAxisTitle("tasks/s").build();
        ChartStyle.apply(chart.getStyler());
        List<Integer> workers = g.workerCounts();
        double lo = log2(workers.get(0));
        double hi = log2(workers.get(workers.size() - 1));
        // No explicit x range: with one, XChart drops the tick labels of equally spaced data (1, 2, 4 … in log2).
        chart.getStyler().setxAxisTickLabelsFormattingFunction(ChartStyle::powerOfTwo);
        double min = Double.POSITIVE_INFINITY;
        double max = 0;
        for (Map.Entry<String, TreeMap<Integer, Point>> m : g.models().entrySet()) {
            double[][] xye = finite(m.getValue());
            if (xye[0].length == 0) {
                continue;
            }
            XYSeries s = chart.addSeries(m.getKey(), xye[0], xye[1], xye[2]);
            s.setMarker(SeriesMarkers.CIRCLE);
            for (double y : xye[1]) {
                min = Math.min(min, y);
                max = Math.max(max, y);
            }
        }
        double seq = g.sequential();
        if (Double.isFinite(seq) && seq > 0 && hi > lo) {
            double[] x = {lo, hi};
            double[] y = {seq * Math.pow(2, lo), seq * Math.pow(2, hi)};
            XYSeries ideal = chart.addSeries("ideal: N × SEQUENTIAL", x, y);
            ideal.setMarker(SeriesMarkers.NONE);
            ideal.setLineColor(new Color(150, 150, 150));
            ideal.setLineStyle(new BasicStroke(1.2f, BasicStroke.CAP_BUTT, BasicStroke.JOIN_MITER, 10f, new float[] {6f, 4f}, 0f));
            max = Math.max(max, y[1]);
            min = Math.min(min, y[0]);
        }
        if (min > 0 && max / min > 20) {
            chart.getStyler().setYAxisLogarithmic(true);
            chart.setYAxisTitle("tasks/s (log scale)");
            chart.getStyler().setyAxisTickLabelsFormattingFunction(v -> io.cpabench.results.Numbers.sig(v, 3));
        } else {
            chart.getStyler().setYAxisMin(0.0);
        }
        return chart;
    }

    static boolean hasData(ScalingGroup g) {
        return g.models().values().stream().anyMatch(m -> finite(m)[0].length > 0);
    }

    private static double[][] finite(TreeMap<Integer, Point> points) {
        double[][] out = new double[3][];
        List<Map.Entry<Integer, Point>> ok = points.entrySet().stream()
                .filter(e -> e.getValue().hasValue() && e.getValue().value() > 0).toList();
        out[0] = ok.stream().mapToDouble(e -> log2(e.getKey())).toArray();
        out[1] = ok.stream().mapToDouble(e -> e.getValue().value()).toArray();
        // A bar reaching zero cannot be drawn on a log axis: its foot stays at a tenth of the value.
        out[2] = ok.stream().mapToDouble(e -> Math.min(e.getValue().errorOrZero(), 0.9 * e.getValue().value())).toArray();
        return out;
    }

    static double log2(int n) {
        return Math.log(n) / Math.log(2);
    }
}
