package io.cpabench.results;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;

/** Builds small JMH JSON result files by hand, in JMH's own shape, for deterministic tests. */
public final class Rows {
    private final List<String> rows = new ArrayList<>();

    public Rows scaling(String workload, String model, int workers, int tasks, double opsPerSecond, double error) {
        return row("io.cpabench.bench.ScalingBenchmark.run", "thrpt", 1,
                "\"workload\":\"" + workload + "\",\"model\":\"" + model + "\",\"workers\":\"" + workers
                        + "\",\"tasks\":\"" + tasks + "\"", opsPerSecond, error, "ops/s");
    }

    public Rows dispatch(String model, int workers, double nanos, double error) {
        return row("io.cpabench.bench.DispatchBenchmark.run", "avgt", 1,
                "\"model\":\"" + model + "\",\"workers\":\"" + workers + "\"", nanos, error, "ns/op");
    }

    public Rows threads(String lock, int threads, double opsPerSecond) {
        return row("io.cpabench.bench.ThreadsBenchmark.inline", "thrpt", threads,
                "\"workload\":\"CPU\",\"lock\":\"" + lock + "\"", opsPerSecond, Double.NaN, "ops/s");
    }

    public Rows row(String benchmark, String mode, int threads, String params, double score, double error, String unit) {
        String err = num(error);
        rows.add("{\"jmhVersion\":\"1.37\",\"benchmark\":\"" + benchmark + "\",\"mode\":\"" + mode
                + "\",\"threads\":" + threads + ",\"forks\":1,\"params\":{" + params + "},"
                + "\"primaryMetric\":{\"score\":" + num(score) + ",\"scoreError\":" + err
                + ",\"scoreUnit\":\"" + unit + "\",\"rawData\":[[" + num(score) + "]]},\"secondaryMetrics\":{}}");
        return this;
    }

    // JMH writes NaN as a string, JSON having no NaN.
    private static String num(double x) {
        return Double.isNaN(x) ? "\"NaN\"" : String.format(Locale.ROOT, "%s", x);
    }

    public String json() {
        return rows.stream().collect(Collectors.joining(",\n", "[\n", "\n]\n"));
    }

    public List<JmhRow> parsed() {
        return JmhJson.rows(json()).stream().map(JmhRow::of).collect(Collectors.toList());
    }
}
