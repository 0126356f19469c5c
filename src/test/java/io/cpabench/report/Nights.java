package io.cpabench.report;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;

/**
 * Fabricates a nightly history ({@code DIR/<runner>/<night>/jdk<label>/}) for tests, deterministically:
 * each night one result file with a ScalingBenchmark row (ops/s) and a LoopLatencyBenchmark row whose
 * p99 (ms) is a secondary metric, 5 forks of 3 iterations, fork means at the level given × 0.99, 1.01,
 * 1.00, 0.995, 1.005 (so the mean is the level and the 95% t half-width 0.9816% of it).
 */
final class Nights {
    static final double[] FORKS = {0.99, 1.01, 1.00, 0.995, 1.005};

    private final Path root;

    Nights(Path root) {
        this.root = root;
    }

    Path root() {
        return root;
    }

    /** A night with the scaling row at {@code score} ops/s and the latency row's p99 at {@code p99} ms. */
    Path night(String runner, String night, String jdk, double score, double p99) {
        return write(runner, night, jdk, night + "T01-00-00Z.json", json("ops/s", score, p99));
    }

    Path write(String runner, String night, String jdk, String file, String text) {
        try {
            Path dir = Files.createDirectories(root.resolve(runner).resolve(night).resolve(jdk));
            return Files.writeString(dir.resolve(file), text);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    void flag(String runner, String night, String jdk) {
        write(runner, night, jdk, "FLAGGED", "regression against the pooled nights 2026-01-01\n");
    }

    void accept(String runner, String night, String jdk) {
        write(runner, night, jdk, "ACCEPTED", "accepted 2026-01-09T10:00:00Z: slower on purpose\n");
    }

    static String json(String unit, double score, double p99) {
        return "[" + row("io.cpabench.bench.ScalingBenchmark.run", "\"workload\":\"CPU\",\"model\":\"FORK_JOIN\",\"workers\":\"2\"",
                unit, score, "{}") + ",\n"
                + row("io.cpabench.bench.LoopLatencyBenchmark.run", "\"model\":\"EVENT_LOOP\",\"rate\":\"500\"", "ops/s", 500,
                "{\"latency.p99\":{\"score\":" + p99 + ",\"scoreUnit\":\"ms\",\"rawData\":" + raw(p99) + "}}") + "]\n";
    }

    private static String row(String benchmark, String params, String unit, double level, String secondary) {
        return "{\"jmhVersion\":\"1.37\",\"benchmark\":\"" + benchmark + "\",\"mode\":\"thrpt\",\"threads\":1,\"forks\":5,"
                + "\"params\":{" + params + "},\"primaryMetric\":{\"score\":" + level + ",\"scoreError\":1.0,\"scoreUnit\":\""
                + unit + "\",\"rawData\":" + raw(level) + "},\"secondaryMetrics\":" + secondary + "}";
    }

    // Three iterations a fork around the fork mean, so the fork means are exactly level × FORKS.
    private static String raw(double level) {
        StringBuilder out = new StringBuilder("[");
        for (int i = 0; i < FORKS.length; i++) {
            double m = level * FORKS[i];
            out.append(i == 0 ? "" : ",").append(String.format(Locale.ROOT, "[%.6f,%.6f,%.6f]", m * 0.995, m, m * 1.005));
        }
        return out.append(']').toString();
    }
}
