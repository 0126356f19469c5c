package io.cpabench.report;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.ToDoubleFunction;
import org.knowm.xchart.CategoryChart;
import org.knowm.xchart.CategoryChartBuilder;
import org.knowm.xchart.style.Styler;

/**
 * Bars per workload and worker count, one per GIL model: how often the lock changed hands, and how
 * long threads queued for it. A convoy shows as wait time far above what the switch count explains.
 */
final class GilChart {
    private GilChart() {}

    static CategoryChart switches(List<GilMetrics.Row> rows) {
        return of(rows, "GIL hand-overs", "switches per second", GilMetrics.Row::switchesPerSecond);
    }

    static CategoryChart waiting(List<GilMetrics.Row> rows) {
        return of(rows, "Time waiting for the GIL (summed over threads)", "ms waiting per second", GilMetrics.Row::waitMsPerSecond);
    }

    private static CategoryChart of(List<GilMetrics.Row> rows, String title, String yTitle, ToDoubleFunction<GilMetrics.Row> metric) {
        CategoryChart chart = new CategoryChartBuilder().width(ChartStyle.WIDTH).height(ChartStyle.HEIGHT)
                .title(title).xAxisTitle("workload, workers").yAxisTitle(yTitle).build();
        ChartStyle.apply(chart.getStyler());
        chart.getStyler().setLegendPosition(Styler.LegendPosition.OutsideE);
        chart.getStyler().setYAxisMin(0.0);
        Set<String> categories = new LinkedHashSet<>();
        Map<String, Map<String, Double>> byModel = new LinkedHashMap<>();
        for (GilMetrics.Row r : rows) {
            categories.add(r.category());
            byModel.computeIfAbsent(r.model(), m -> new LinkedHashMap<>()).put(r.category(), metric.applyAsDouble(r));
        }
        List<String> xs = new ArrayList<>(categories);
        // Every series over every category: XChart lays bars out by index, a missing one is a zero-height bar.
        byModel.forEach((model, values) -> chart.addSeries(model, xs,
                xs.stream().map(c -> finiteOrZero(values.get(c))).toList()));
        return chart;
    }

    private static Double finiteOrZero(Double v) {
        return v == null || !Double.isFinite(v) ? 0.0 : v;
    }
}
