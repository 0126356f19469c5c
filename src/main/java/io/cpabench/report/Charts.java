package io.cpabench.report;

import java.util.concurrent.ExecutionException;
import java.util.concurrent.FutureTask;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Supplier;
import org.knowm.xchart.internal.chartpart.Chart;

/**
 * Renders charts for the page, counting them for the page's self-check. A chart that fails, or whose
 * layout does not finish in time (XChart's tick layout has looped on unusual axes), becomes a visible
 * "no data" instead of failing or hanging the report, and so the run that writes it.
 */
final class Charts {
    private static final long TIMEOUT_SECONDS = 30;
    private int count;

    String svg(String what, Supplier<Chart<?, ?>> chart) {
        FutureTask<String> task = new FutureTask<>(() -> Svg.of(chart.get(), "chart"));
        Thread t = new Thread(task, "cpabench-chart");
        t.setDaemon(true); // a chart stuck in a loop must not keep the JVM alive after the report is written
        t.start();
        try {
            String svg = task.get(TIMEOUT_SECONDS, TimeUnit.SECONDS);
            count++;
            return "<figure>" + svg + "</figure>";
        } catch (ExecutionException e) {
            return Html.noData(what + ": the chart could not be drawn (" + e.getCause().getClass().getSimpleName() + ")");
        } catch (TimeoutException e) {
            task.cancel(true);
            return Html.noData(what + ": the chart took longer than " + TIMEOUT_SECONDS + " s to lay out");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return Html.noData(what + ": interrupted");
        }
    }

    int count() {
        return count;
    }
}
