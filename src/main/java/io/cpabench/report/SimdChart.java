package io.cpabench.report;

import io.cpabench.tables.SimdTable;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.knowm.xchart.CategoryChart;
import org.knowm.xchart.CategoryChartBuilder;
import org.knowm.xchart.style.Styler;

/**
 * Bars per op and array size, one per kernel and worker count: the speedup over SCALAR on one worker,
 * so lanes (one worker), threads (the same kernel's taller bar) and both read off one axis.
 */
final class SimdChart {
    private SimdChart() {}

    static boolean hasData(List<SimdTable.Cell> cells) {
        return cells.stream().anyMatch(c -> Double.isFinite(c.both()) && c.both() > 0);
    }

    static CategoryChart of(List<SimdTable.Cell> cells) {
        CategoryChart chart = new CategoryChartBuilder().width(ChartStyle.WIDTH).height(ChartStyle.HEIGHT)
                .title("SIMD lanes and threads: speedup over SCALAR on one worker").xAxisTitle("op, array size (floats)")
                .yAxisTitle("× SCALAR at 1 worker").build();
        ChartStyle.apply(chart.getStyler());
        chart.getStyler().setLegendPosition(Styler.LegendPosition.OutsideE);
        chart.getStyler().setYAxisMin(0.0);
        Set<String> categories = new LinkedHashSet<>();
        Map<String, Map<String, Double>> bySeries = new LinkedHashMap<>();
        for (SimdTable.Cell c : cells) {
            categories.add(c.table());
            bySeries.computeIfAbsent(c.kernel() + " ×" + c.workers(), k -> new LinkedHashMap<>()).put(c.table(), c.both());
        }
        List<String> xs = new ArrayList<>(categories);
        // every series over every category: XChart lays bars out by index; a missing ratio is a zero bar
        bySeries.forEach((series, values) -> chart.addSeries(series, xs, xs.stream().map(x -> {
            Double v = values.get(x);
            return v == null || !Double.isFinite(v) ? 0.0 : v;
        }).toList()));
        return chart;
    }
}
