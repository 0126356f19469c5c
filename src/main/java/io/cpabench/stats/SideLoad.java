package io.cpabench.stats;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.cpabench.results.ResultPaths;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;

/**
 * How busy the machine was while one side of a comparison ran, read from the {@code machineLoad} of
 * the environment files beside its result files: a verdict on rows measured beside a neighbour's build
 * is the neighbour's, and the reader should know before believing it.
 */
public record SideLoad(String side, int runs, int measuredRuns, long pieces, long otherTicks, long stealTicks,
                       long totalTicks, long busyPieces, double worstShare) {
    private static final ObjectMapper MAPPER = new ObjectMapper();

    public static SideLoad read(String side, Path path) {
        List<JsonNode> loads = new ArrayList<>();
        int runs = 0;
        for (Path env : envFiles(path)) {
            runs++;
            try {
                JsonNode l = MAPPER.readTree(env.toFile()).path("machineLoad");
                if (l.path("pieces").isArray() && !l.path("pieces").isEmpty()) {
                    loads.add(l);
                }
            } catch (IOException e) {
                // a damaged environment file costs its facts, not the comparison: this run counts as not measured
            }
        }
        long pieces = 0, other = 0, steal = 0, total = 0, busy = 0;
        double worst = 0;
        for (JsonNode l : loads) {
            busy += l.path("busyPieces").size();
            for (JsonNode p : l.path("pieces")) {
                long t = p.path("totalTicks").asLong();
                pieces++;
                other += p.path("otherTicks").asLong();
                steal += p.path("stealTicks").asLong();
                total += t;
                if (t > 0) {
                    worst = Math.max(worst, (double) (p.path("otherTicks").asLong() + p.path("stealTicks").asLong()) / t);
                }
            }
        }
        return new SideLoad(side, runs, loads.size(), pieces, other, steal, total, busy, worst);
    }

    /** "old: 1 run, 540 pieces: other processes took 0.3% of the CPUs, steal 0.0%, no piece on a busy machine". */
    public String line() {
        if (measuredRuns == 0) {
            return side + ": not recorded (" + (runs == 0 ? "no environment file" : "environment file without it") + ")";
        }
        String head = String.format(Locale.ROOT, "%s: %d run%s, %d pieces: other processes took %.1f%% of the CPUs, steal %.1f%%, ",
                side, measuredRuns, measuredRuns == 1 ? "" : "s", pieces, 100.0 * otherTicks / Math.max(1, totalTicks),
                100.0 * stealTicks / Math.max(1, totalTicks));
        return head + (busyPieces == 0
                ? "no piece on a busy machine"
                : String.format(Locale.ROOT, "%d on a busy machine (worst lost %.0f%%): their rows may be off", busyPieces, 100 * worstShare))
                + (measuredRuns < runs ? "; " + (runs - measuredRuns) + " run(s) not measured" : "");
    }

    private static List<Path> envFiles(Path path) {
        if (!Files.isDirectory(path)) {
            Path env = ResultPaths.envFile(path);
            return Files.isRegularFile(env) ? List.of(env) : List.of();
        }
        try (Stream<Path> files = Files.list(path)) {
            return files.filter(f -> f.getFileName().toString().endsWith(".env.json")).sorted().toList();
        } catch (IOException e) {
            return List.of();
        }
    }
}
