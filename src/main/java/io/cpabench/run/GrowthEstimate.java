package io.cpabench.run;

import io.cpabench.stats.ForksUntilPrecise;
import io.cpabench.stats.NoiseFloor;
import io.cpabench.stats.NoiseFloorJson;
import io.cpabench.stats.RowKey;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * What a dry run expects forks until precise to add. How many forks a row will get is known only as
 * it runs, so the estimate says what it assumed: with a noise-floor file ({@code noise-floor --out}),
 * a row found there ends with the forks its measured spread needs for its precision (within its
 * planned forks and its cap); every other row, and every row without a file, grows to its cap, the
 * worst case.
 */
public final class GrowthEstimate {
    private final Path file;
    private final List<NoiseFloor.Row> rows;

    private GrowthEstimate(Path file, List<NoiseFloor.Row> rows) {
        this.file = file;
        this.rows = rows;
    }

    /** @param noiseFloor a noise-floor file, or null for the worst case */
    public static GrowthEstimate of(Path noiseFloor) {
        if (noiseFloor == null) {
            return new GrowthEstimate(null, List.of());
        }
        List<NoiseFloor.Row> rows = new ArrayList<>();
        NoiseFloorJson.read(noiseFloor).sets().forEach(c -> rows.addAll(c.rows()));
        return new GrowthEstimate(noiseFloor, rows);
    }

    /** "; expected 150 min 10 s with forks until precise (…assumed…)", or nothing when no row forks until precise. */
    public String note(List<PlannedRun> plan) {
        if (plan.stream().allMatch(r -> r.precision() == null)) {
            return "";
        }
        double seconds = 0;
        int found = 0;
        int assumed = 0;
        for (PlannedRun run : plan) {
            for (Map<String, String> c : run.combinations()) {
                int forks = run.forks();
                if (run.precision() != null) {
                    double spread = spread(run, c);
                    if (Double.isNaN(spread)) {
                        assumed++;
                        forks = Math.max(forks, run.precision().maxForks());
                    } else {
                        found++;
                        int needed = ForksUntilPrecise.forksFor(spread, run.precision().precision());
                        forks = Math.max(forks, Math.min(needed, run.precision().maxForks()));
                    }
                }
                seconds += Math.max(1, forks) * run.secondsPerFork();
            }
        }
        String why = file == null
                ? "assumed: the worst case, all " + assumed + " rows that fork until precise grow to their cap; give --noise-floor FILE for an expectation"
                : found + " rows at the spread " + file + " measured" + (assumed == 0 ? "" : ", " + assumed + " not in it assumed to grow to their cap");
        return String.format(Locale.ROOT, " with the planned forks; %s with forks until precise (%s)", Minutes.of(seconds), why);
    }

    /** The larger of the two runs' spreads of the noise-floor row that is this combination, NaN when there is none. */
    private double spread(PlannedRun run, Map<String, String> combination) {
        String name = run.describe(Map.of()).split(" ")[0];
        for (NoiseFloor.Row r : rows) {
            RowKey k = r.key();
            boolean same = k.shortName().equals(name) && k.threads() == run.threads()
                    && combination.entrySet().stream().allMatch(e -> e.getValue().equals(k.params().get(e.getKey())));
            if (same && Double.isFinite(Math.max(r.oldSpread(), r.newSpread()))) {
                return Math.max(r.oldSpread(), r.newSpread());
            }
        }
        return Double.NaN;
    }
}
