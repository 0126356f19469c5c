package io.cpabench.cli;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Stands in for JMH under {@code run}: each piece becomes one result row (score = its position in
 * the order run), some pieces can fail, and the process can "die" (an Error, which nothing catches,
 * like a kill -9) in the middle of a piece, after it has started writing its JSON.
 */
final class FakeJmh implements PieceRunner.Factory {
    /** The stand-in for kill -9: an Error, which the runner must not catch. */
    static final class Killed extends Error {
        Killed() {
            super("killed");
        }
    }

    final List<String> ran = new ArrayList<>();
    /** The JDK label each piece of {@link #ran} ran on, and the JVM options it got. */
    final List<String> ranOn = new ArrayList<>();
    final List<List<String>> jvmArgs = new ArrayList<>();
    private final int killDuring;
    private final Set<Integer> failing;

    /**
     * @param killDuring the 1-based number of the piece during which the process dies, 0 for never
     * @param failing    1-based numbers (in the order run) of pieces whose JMH call fails
     */
    FakeJmh(int killDuring, Set<Integer> failing) {
        this.killDuring = killDuring;
        this.failing = failing;
    }

    @Override
    public PieceRunner forJdk(ForkJdk jdk, JmhExtras extras) {
        return (piece, json) -> {
            int n = ran.size() + 1;
            write(json, n, piece);
            if (n == killDuring) {
                throw new Killed();
            }
            ran.add(describe(piece));
            ranOn.add(jdk.label());
            jvmArgs.add(piece.jvmArgs());
            return new GroupRunner.Outcome(json, failing.contains(n) ? Optional.of("fork crashed") : Optional.empty());
        };
    }

    static String describe(PlannedRun piece) {
        return piece.describe(piece.combinations().get(0));
    }

    /** JMH's JSON for one row; a failing JMH call would write none, which the missing-row check also sees. */
    private void write(Path json, int n, PlannedRun piece) {
        if (failing.contains(n)) {
            return;
        }
        String benchmark = piece.include().replace("\\.", ".").replaceAll("[\\^$]", "");
        String params = piece.params().entrySet().stream()
                .map(e -> "\"" + e.getKey() + "\":\"" + e.getValue().get(0) + "\"").collect(Collectors.joining(","));
        // each benchmark's own mode and unit, as the tables read them
        boolean avgt = benchmark.contains("DispatchBenchmark");
        String row = "[{\"jmhVersion\":\"1.37\",\"benchmark\":\"" + benchmark + "\",\"mode\":\"" + (avgt ? "avgt" : "thrpt")
                + "\",\"threads\":" + piece.threads()
                + ",\"forks\":1,\"params\":{" + params + "},\"primaryMetric\":{\"score\":" + n + ",\"scoreError\":\"NaN\","
                + "\"scoreConfidence\":[" + n + "," + n + "],\"scoreUnit\":\"" + (avgt ? "ns/op" : "ops/s") + "\",\"rawData\":[[" + n + "]]},\"secondaryMetrics\":{}}]";
        try {
            Files.deleteIfExists(json);
            Files.writeString(json, row);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
