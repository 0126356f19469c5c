package io.cpabench.report;

import java.util.Map;
import java.util.TreeMap;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYChartBuilder;
import org.knowm.xchart.XYSeries;
import org.knowm.xchart.style.markers.SeriesMarkers;

/**
 * HdrHistogram's percentile distribution plot: x is 1/(1−p) on a log scale, so 90%, 99%, 99.9% are
 * evenly spaced and the tail gets the room it deserves; y is latency in ms, log scale, since an
 * overloaded event loop's p99 is a hundred times a healthy one's.
 */
final class LatencyChart {
    private LatencyChart() {}

    static XYChart of(LatencyProfiles.Profile p) {
        XYChart chart = new XYChartBuilder().width(ChartStyle.WIDTH).height(ChartStyle.HEIGHT)
                .title("Latency by percentile: " + p.title().replaceFirst("^\\S+\\s+", ""))
                .xAxisTitle("percentile (log scale of 1/(1-p))").yAxisTitle("latency (ms, log scale)").build();
        ChartStyle.apply(chart.getStyler());
        chart.getStyler().setYAxisLogarithmic(true);
        chart.getStyler().setXAxisMin(0.0).setXAxisMax(x(LatencyProfiles.MAX_AT) + 0.1);
        chart.getStyler().setxAxisTickLabelsFormattingFunction(LatencyChart::label);
        for (Map.Entry<String, TreeMap<Double, Double>> m : p.models().entrySet()) {
            double[] xs = m.getValue().entrySet().stream().filter(e -> e.getValue() > 0).mapToDouble(e -> x(e.getKey())).toArray();
            double[] ys = m.getValue().values().stream().filter(v -> v > 0).mapToDouble(Double::doubleValue).toArray();
            if (xs.length > 0) {
                XYSeries s = chart.addSeries(m.getKey(), xs, ys);
                s.setMarker(SeriesMarkers.CIRCLE);
            }
        }
        return chart;
    }

    static boolean hasData(LatencyProfiles.Profile p) {
        return p.models().values().stream().anyMatch(m -> m.values().stream().anyMatch(v -> v > 0));
    }

    /** log10(1/(1−p)): 90% → 1, 99% → 2, 99.9% → 3. */
    static double x(double percentile) {
        return Math.log10(1 / (1 - percentile / 100));
    }

    private static String label(double x) {
        long k = Math.round(x);
        if (Math.abs(x - k) > 1e-6) {
            return "";
        }
        if (k == Math.round(x(LatencyProfiles.MAX_AT))) {
            return "max";
        }
        double pct = 100 - 100 / Math.pow(10, k);
        return new java.math.BigDecimal(pct).round(new java.math.MathContext((int) k + 1)).stripTrailingZeros().toPlainString() + "%";
    }
}
