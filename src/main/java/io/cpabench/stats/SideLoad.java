package io.cpabench.stats;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.cpabench.machine.MachineLoad;
import io.cpabench.results.ResultPaths;
import io.cpabench.machine.RunLoad;
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
 *
 * @param load every measured piece of the side's runs, pooled
 */
public record SideLoad(String side, int runs, int measuredRuns, RunLoad load) {
    private static final ObjectMapper MAPPER = new ObjectMapper();

    public static SideLoad read(String side, Path path) {
        List<MachineLoad> pieces = new ArrayList<>();
        int runs = 0;
        int measured = 0;
        for (Path env : envFiles(path)) {
            runs++;
            try {
                List<MachineLoad> run = new ArrayList<>();
                MAPPER.readTree(env.toFile()).path("machineLoad").path("pieces").forEach(p -> run.add(MachineLoad.of(p)));
                if (!run.isEmpty()) {
                    measured++;
                    pieces.addAll(run);
                }
            } catch (IOException | IllegalArgumentException e) {
                // a damaged environment file costs its facts, not the comparison: this run counts as not measured
            }
        }
        return new SideLoad(side, runs, measured, new RunLoad(pieces, pieces.size()));
    }

    public double worstShare() {
        return load.worst().map(MachineLoad::lostShare).orElse(0.0);
    }

    /** "old: 1 run, 540 pieces: other processes took 0.3% of the CPUs, steal 0.0%, no piece on a busy machine". */
    public String line() {
        if (measuredRuns == 0) {
            return side + ": not recorded (" + (runs == 0 ? "no environment file" : "environment file without it") + ")";
        }
        int busy = load.busy().size();
        String head = String.format(Locale.ROOT, "%s: %d run%s, %d pieces: other processes took %.1f%% of the CPUs, steal %.1f%%, ",
                side, measuredRuns, measuredRuns == 1 ? "" : "s", load.pieces().size(), 100 * load.otherShare(), 100 * load.stealShare());
        return head + (busy == 0
                ? "no piece on a busy machine"
                : String.format(Locale.ROOT, "%d on a busy machine (worst lost %.0f%%): their rows may be off", busy, 100 * worstShare()))
                + (measuredRuns < runs ? "; " + (runs - measuredRuns) + " run(s) not measured" : "");
    }

    /** The environment files of a side: a result file's, or every one directly in a directory. */
    static List<Path> envFiles(Path path) {
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
