package io.cpabench.cli;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;

/** Writes JMH JSON result files with rawData in JMH's own shape, fork by fork, for compare tests. */
final class JmhFiles {
    private final List<String> rows = new ArrayList<>();

    /** A ScalingBenchmark row whose forks average {@code forkMeans} (iterations ±1% around each). */
    JmhFiles scaling(String workload, String model, double... forkMeans) {
        return row("io.cpabench.bench.ScalingBenchmark.run", "thrpt", "ops/s",
                "\"workload\":\"" + workload + "\",\"model\":\"" + model + "\",\"workers\":\"2\"", forkMeans);
    }

    JmhFiles dispatch(String model, String unit, double... forkMeans) {
        return row("io.cpabench.bench.DispatchBenchmark.run", "avgt", unit,
                "\"model\":\"" + model + "\",\"workers\":\"2\"", forkMeans);
    }

    JmhFiles row(String benchmark, String mode, String unit, String params, double... forkMeans) {
        return row(benchmark, mode, unit, params, "", forkMeans);
    }

    /**
     * A LoopLatencyBenchmark row at 500 req/s whose arrival rate kept is {@code rateForks} and whose
     * p50, p99 and p99.9 (ms, as LatencyProfiler writes them) have the given fork means.
     */
    JmhFiles loopLatency(String model, double[] rateForks, double[] p50, double[] p99, double[] p999) {
        return row("io.cpabench.bench.LoopLatencyBenchmark.run", "thrpt", "ops/s",
                "\"model\":\"" + model + "\",\"rate\":\"500\"",
                metric("latency.p50", "ms", p50) + "," + metric("latency.p99", "ms", p99) + ","
                        + metric("latency.p99.9", "ms", p999) + "," + metric("latency.achievedRate", "req/s", rateForks) + ",",
                rateForks);
    }

    private JmhFiles row(String benchmark, String mode, String unit, String params, String secondaries, double... forkMeans) {
        double score = java.util.Arrays.stream(forkMeans).average().orElse(Double.NaN);
        rows.add("{\"jmhVersion\":\"1.37\",\"benchmark\":\"" + benchmark + "\",\"mode\":\"" + mode
                + "\",\"threads\":1,\"forks\":" + forkMeans.length + ",\"params\":{" + params + "},"
                + "\"primaryMetric\":{\"score\":" + score + ",\"scoreError\":1.0,\"scoreUnit\":\"" + unit
                + "\",\"rawData\":" + rawData(forkMeans) + "},"
                + "\"secondaryMetrics\":{" + secondaries + "\"·gilSwitches\":{\"score\":0,\"scoreUnit\":\"#\",\"rawData\":[[0]]}}}");
        return this;
    }

    private static String metric(String name, String unit, double[] forkMeans) {
        return "\"" + name + "\":{\"score\":1.0,\"scoreUnit\":\"" + unit + "\",\"rawData\":" + rawData(forkMeans) + "}";
    }

    // Three iterations a fork, ±1% around its mean.
    private static String rawData(double[] forkMeans) {
        return java.util.Arrays.stream(forkMeans)
                .mapToObj(m -> String.format(Locale.ROOT, "[%s,%s,%s]", m * 0.99, m, m * 1.01))
                .collect(Collectors.joining(",", "[", "]"));
    }

    String json() {
        return rows.stream().collect(Collectors.joining(",\n", "[\n", "\n]\n"));
    }
}
