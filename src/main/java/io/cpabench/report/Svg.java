package io.cpabench.report;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.knowm.xchart.VectorGraphicsEncoder;
import org.knowm.xchart.internal.chartpart.Chart;

/**
 * An XChart chart as SVG markup to inline in HTML. XChart draws text as glyph outlines, so no label
 * from a result file reaches the SVG as text; the clip-path ids it writes are made unique per chart,
 * since every inline SVG shares the page's id namespace.
 */
final class Svg {
    private static final Pattern CLIP_ID = Pattern.compile("clip(-?\\d+)");
    /** Coordinates as VectorGraphics2D writes them, e.g. 156.7021712870117: past 0.01 px they only cost bytes. */
    private static final Pattern LONG_DECIMAL = Pattern.compile("(\\d\\.\\d\\d)\\d+");
    private static final AtomicInteger CHARTS = new AtomicInteger();

    private Svg() {}

    static String of(Chart<?, ?> chart, String cssClass) {
        // Font metrics need no display; set before AWT's first use, which is harmless when already headless.
        System.setProperty("java.awt.headless", "true");
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try {
            VectorGraphicsEncoder.saveVectorGraphic(chart, out, VectorGraphicsEncoder.VectorGraphicsFormat.SVG);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        String svg = out.toString(StandardCharsets.UTF_8);
        svg = svg.substring(svg.indexOf("<svg"));
        String prefix = "c" + CHARTS.incrementAndGet() + "-";
        Matcher m = CLIP_ID.matcher(svg);
        svg = m.replaceAll(r -> prefix + "clip" + r.group(1));
        svg = LONG_DECIMAL.matcher(svg).replaceAll("$1");
        // Scales with the page: the viewBox keeps the aspect, CSS sets the width.
        return svg.replaceFirst("<svg ", "<svg class=\"" + cssClass + "\" role=\"img\" ")
                .replaceFirst(" height=\"[^\"]*px\"", "").replaceFirst(" width=\"[^\"]*px\"", "");
    }
}
