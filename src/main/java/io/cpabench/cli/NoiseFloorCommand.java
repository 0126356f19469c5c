package io.cpabench.cli;

import io.cpabench.results.SetPairs;
import io.cpabench.stats.NoiseFloor;
import io.cpabench.stats.NoiseFloorJson;
import io.cpabench.stats.NoiseFloorText;
import io.cpabench.stats.ResultFiles;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * {@code noise-floor OLD NEW}: from two A/A runs (same jar, same JDK), the smallest change this
 * machine can see per row at those runs' sample size, and the forks ±2% and ±5% would need. A command
 * of its own, not a {@code compare} option: its input is a calibration whose verdicts are not the
 * point, and its output is a file a later {@code report --noise-floor} and the nightly read.
 */
@Command(name = "noise-floor", mixinStandardHelpOptions = true,
        description = "From two A/A runs (same jar and JDK): per row, the fork-mean spread, the smallest detectable change and the forks ±2%%/±5%% need.")
final class NoiseFloorCommand implements Callable<Integer> {
    /** The output formats; lower-case because they are typed as such. */
    enum Format { text, json }

    private final PrintStream out;

    @Mixin
    OldNew sides;

    @Option(names = "--out", description = "also write the JSON to this file (replaced whole, never half-written)")
    Path outFile;

    @Option(names = "--format", defaultValue = "text", description = "what to print: text or json")
    Format format;

    @Option(names = "--power", defaultValue = "0.8", description = "chance of finding the detectable change, in (0.5, 1) (default 0.8)")
    double power;

    @Option(names = "--alpha", defaultValue = "0.05", description = "two-sided significance level, in (0, 0.5) (default 0.05)")
    double alpha;

    NoiseFloorCommand(PrintStream out) {
        this.out = out;
    }

    @Override
    public Integer call() throws IOException {
        if (!(power > 0.5 && power < 1)) {
            throw new IllegalArgumentException("bad --power " + power + ": expected a probability in (0.5, 1), like 0.8");
        }
        if (!(alpha > 0 && alpha < 0.5)) {
            throw new IllegalArgumentException("bad --alpha " + alpha + ": expected a level in (0, 0.5), like 0.05");
        }
        SetPairs pairs = sides.pairs();
        List<NoiseFloor.Calibration> sets = new ArrayList<>();
        for (SetPairs.Pair p : pairs.pairs()) {
            sets.add(NoiseFloor.measure(p.label(), p.oldPath(), p.newPath(), ResultFiles.load(p.side("old"), p.oldPath()),
                    ResultFiles.load(p.side("new"), p.newPath()), alpha, power));
        }
        List<String> missing = new ArrayList<>();
        pairs.onlyOld().forEach(f -> missing.add(f.label() + " only in old (" + f.path() + ")"));
        pairs.onlyNew().forEach(f -> missing.add(f.label() + " only in new (" + f.path() + ")"));
        NoiseFloor floor = new NoiseFloor(alpha, power, sets, missing);
        String json = NoiseFloorJson.render(floor);
        if (outFile != null) {
            io.cpabench.results.AtomicFiles.replace(outFile, json);
        }
        out.print(format == Format.json ? json : NoiseFloorText.render(floor));
        out.flush();
        return 0;
    }
}
