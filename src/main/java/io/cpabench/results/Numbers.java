package io.cpabench.results;

import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;
import java.text.DecimalFormat;
import java.text.DecimalFormatSymbols;
import java.util.Locale;

/** Formats measurements with as many digits as the measurement supports, and no more. */
public final class Numbers {
    private Numbers() {}

    /** {@code x} rounded to {@code digits} significant digits, thousands grouped: 245312 → "245,000". */
    public static String sig(double x, int digits) {
        if (Double.isNaN(x) || Double.isInfinite(x)) {
            return "n/a";
        }
        if (x == 0) {
            return "0";
        }
        BigDecimal d = new BigDecimal(x).round(new MathContext(digits, RoundingMode.HALF_EVEN));
        return grouped(d, Math.max(0, d.scale()));
    }

    /**
     * A score and its error at the precision the error allows (error to two significant digits, the
     * score to the same decimal place), as metrologists write them: "245,300 ± 1,200".
     */
    public static String[] withError(double score, double error) {
        if (Double.isNaN(error) || error <= 0 || Double.isInfinite(error)) {
            return new String[] {sig(score, 3), "n/a"};
        }
        BigDecimal e = new BigDecimal(error).round(new MathContext(2, RoundingMode.HALF_EVEN));
        int scale = Math.max(0, e.scale());
        BigDecimal s = new BigDecimal(score).setScale(e.scale(), RoundingMode.HALF_EVEN);
        return new String[] {grouped(s, scale), grouped(e, scale)};
    }

    /** A ratio like "0.87×", "1.00×", "12.3×" or "118×": two decimals only where they are significant. */
    public static String times(double ratio) {
        if (Double.isNaN(ratio) || Double.isInfinite(ratio)) {
            return "—";
        }
        String pattern = ratio >= 100 ? "%,.0f×" : ratio >= 10 ? "%.1f×" : "%.2f×";
        return String.format(Locale.ROOT, pattern, ratio);
    }

    private static String grouped(BigDecimal d, int fractionDigits) {
        DecimalFormat f = new DecimalFormat("#,##0", DecimalFormatSymbols.getInstance(Locale.ROOT));
        f.setMinimumFractionDigits(fractionDigits);
        f.setMaximumFractionDigits(fractionDigits);
        f.setRoundingMode(RoundingMode.HALF_EVEN);
        return f.format(d);
    }
}
