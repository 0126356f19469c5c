package io.cpabench.report;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import org.knowm.xchart.style.AxesChartStyler;
import org.knowm.xchart.style.Styler;

/** One look for every chart: white, readable at page width, legend outside the plot so it hides no point. */
final class ChartStyle {
    static final int WIDTH = 860;
    static final int HEIGHT = 420;
    /** Colour-blind-safe (Okabe–Ito) first, then darker tones: up to ten models stay apart. */
    static final Color[] PALETTE = {
        new Color(0, 114, 178), new Color(230, 159, 0), new Color(0, 158, 115), new Color(204, 121, 167),
        new Color(86, 180, 233), new Color(213, 94, 0), new Color(120, 120, 120), new Color(0, 0, 0),
        new Color(140, 86, 75), new Color(148, 103, 189),
    };
    static final Color FASTER = new Color(0, 140, 90);
    static final Color SLOWER = new Color(200, 40, 40);
    static final Color SAME = new Color(120, 120, 120);
    static final Color UNSURE = new Color(230, 159, 0);

    private ChartStyle() {}

    static void apply(AxesChartStyler s) {
        s.setChartBackgroundColor(Color.WHITE);
        s.setPlotBackgroundColor(Color.WHITE);
        s.setPlotBorderVisible(true);
        s.setPlotBorderColor(new Color(200, 200, 200));
        s.setPlotGridLinesColor(new Color(225, 225, 225));
        s.setLegendPosition(Styler.LegendPosition.OutsideE);
        s.setLegendBorderColor(Color.WHITE);
        s.setLegendBackgroundColor(Color.WHITE);
        s.setChartTitleBoxVisible(false);
        s.setChartTitleFont(new Font(Font.SANS_SERIF, Font.BOLD, 14));
        s.setAxisTitleFont(new Font(Font.SANS_SERIF, Font.PLAIN, 12));
        s.setAxisTickLabelsFont(new Font(Font.SANS_SERIF, Font.PLAIN, 11));
        s.setLegendFont(new Font(Font.SANS_SERIF, Font.PLAIN, 11));
        s.setSeriesColors(PALETTE);
        s.setAxisTickMarksStroke(new BasicStroke(1f));
    }

    /** Tick label for a power-of-two axis drawn in log2 space: "1", "2", "4"… on whole exponents only. */
    static String powerOfTwo(double log2) {
        long k = Math.round(log2);
        return Math.abs(log2 - k) < 1e-6 && k >= 0 && k < 31 ? String.valueOf(1L << k) : "";
    }
}
