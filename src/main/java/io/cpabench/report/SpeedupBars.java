package io.cpabench.report;

import io.cpabench.results.ScalingRows;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.knowm.xchart.CategoryChart;
import org.knowm.xchart.CategoryChartBuilder;
import org.knowm.xchart.style.Styler;

/**
 * A scaling group measured at one worker count (the default run: workers = cores), drawn as the seed's
 * table is read: one bar per model, its speedup over SEQUENTIAL, with the interval the two measurements'
 * errors give the ratio. One column of points on a workers axis would say nothing more and show less.
 */
final class SpeedupBars {
    private SpeedupBars() {}

    /** True for a group with one worker count, a SEQUENTIAL baseline and at least one other model measured. */
    static boolean applies(ScalingGroup g) {
        return g.workerCounts().size() == 1 && baseline(g) != null
                && g.models().entrySet().stream().anyMatch(m -> !ScalingRows.isSequential(m.getKey())
                        && m.getValue().values().stream().anyMatch(p -> p.hasValue() && p.value() > 0));
    }

    static CategoryChart of(ScalingGroup g) {
        int workers = g.workerCounts().get(0);
        CategoryChart chart = new CategoryChartBuilder().width(ChartStyle.WIDTH).height(ChartStyle.HEIGHT)
                .title("Speedup over SEQUENTIAL on " + workers + " workers: " + g.title()).xAxisTitle("model")
                .yAxisTitle("× SEQUENTIAL").build();
        ChartStyle.apply(chart.getStyler());
        chart.getStyler().setLegendVisible(false);
        chart.getStyler().setYAxisMin(0.0);
        chart.getStyler().setXAxisLabelRotation(30);
        chart.getStyler().setLegendPosition(Styler.LegendPosition.OutsideE);
        Point seq = baseline(g);
        List<String> models = new ArrayList<>();
        List<Double> ratios = new ArrayList<>();
        List<Double> errors = new ArrayList<>();
        for (Map.Entry<String, TreeMap<Integer, Point>> m : g.models().entrySet()) {
            Point p = m.getValue().get(workers);
            if (ScalingRows.isSequential(m.getKey()) || p == null || !p.hasValue() || p.value() <= 0) {
                continue;
            }
            double r = p.value() / seq.value();
            models.add(m.getKey());
            ratios.add(r);
            errors.add(ratioError(r, p, seq));
        }
        chart.addSeries("× SEQUENTIAL", models, ratios, errors);
        return chart;
    }

    /** The ratio's half-width from both errors (relative errors add in quadrature), at most the bar itself. */
    static double ratioError(double ratio, Point p, Point seq) {
        double a = p.errorOrZero() / p.value();
        double b = seq.errorOrZero() / seq.value();
        return Math.min(ratio, ratio * Math.sqrt(a * a + b * b));
    }

    private static Point baseline(ScalingGroup g) {
        TreeMap<Integer, Point> seq = g.models().get(ScalingRows.SEQUENTIAL);
        if (seq == null) {
            return null;
        }
        return ScalingRows.baseline(seq, null, p -> p.hasValue() && p.value() > 0).orElse(null);
    }
}
