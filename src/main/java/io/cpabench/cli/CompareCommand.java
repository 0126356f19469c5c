package io.cpabench.cli;

import io.cpabench.results.SetPairs;
import io.cpabench.run.PrecisionTarget;
import io.cpabench.stats.CompareJson;
import io.cpabench.stats.CompareMarkdown;
import io.cpabench.stats.CompareText;
import io.cpabench.stats.Comparison;
import io.cpabench.stats.LabelledComparisons;
import io.cpabench.stats.PooledRow;
import io.cpabench.stats.ResultFiles;
import io.cpabench.stats.RowKey;
import io.cpabench.stats.SideLoad;
import io.cpabench.stats.TooNoisy;
import io.cpabench.stats.VerdictRule;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.function.Function;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * {@code compare OLD NEW}: which rows got faster or slower, with fork-level confidence intervals.
 * Everything is read and checked before anything is printed, so bad input prints one line and exits 2.
 */
@Command(name = "compare", mixinStandardHelpOptions = true, description = "Compare two JMH result sets (files, directories of runs with forks pooled, or runner directories paired by JDK label).")
final class CompareCommand implements Callable<Integer> {
    static final int REGRESSION = 1;
    static final String MIN_EFFECT = "2%";
    static final String MIN_EFFECT_LATENCY = "5%";

    /** The output formats; lower-case because they are typed as such. */
    enum Format {
        text(CompareText::render, LabelledComparisons::text),
        md(CompareMarkdown::render, LabelledComparisons::markdown),
        json(CompareJson::render, CompareJson::render);

        final Function<Comparison, String> renderer;
        final Function<LabelledComparisons, String> labelled;

        Format(Function<Comparison, String> renderer, Function<LabelledComparisons, String> labelled) {
            this.renderer = renderer;
            this.labelled = labelled;
        }
    }

    private final PrintStream out;

    @Mixin
    OldNew sides;

    @Option(names = "--format", defaultValue = "text", description = "text, md or json")
    Format format;

    @Option(names = "--min-effect", defaultValue = MIN_EFFECT, description = "smallest change worth reporting, e.g. 2%%")
    String minEffect;

    @Option(names = "--min-effect-latency", defaultValue = MIN_EFFECT_LATENCY,
            description = "the same for latency percentiles (p50, p99, p99.9), whose fork means spread more, e.g. 5%%")
    String minEffectLatency;

    @Option(names = "--fail-on-regression", description = "exit 1 if any row, or any latency percentile, is significantly slower (rows a run marked too noisy on its machine are shown apart and never fail it)")
    boolean failOnRegression;

    CompareCommand(PrintStream out) {
        this.out = out;
    }

    /**
     * {@code compare OLD NEW} with every option at its default, as run prints it after a cross-JDK run.
     *
     * @throws IllegalArgumentException with a one-line message, when the sets cannot be compared
     */
    static void printDefault(Path oldPath, Path newPath, PrintStream out) {
        CompareCommand c = new CompareCommand(out);
        c.sides = OldNew.of(oldPath, newPath);
        c.format = Format.text;
        c.minEffect = MIN_EFFECT;
        c.minEffectLatency = MIN_EFFECT_LATENCY;
        c.call();
    }

    @Override
    public Integer call() {
        VerdictRule rule = new VerdictRule(minEffect("--min-effect", minEffect));
        VerdictRule latencyRule = new VerdictRule(minEffect("--min-effect-latency", minEffectLatency));
        SetPairs pairs = sides.pairs();
        List<LabelledComparisons.Labelled> done = new ArrayList<>();
        for (SetPairs.Pair p : pairs.pairs()) {
            done.add(new LabelledComparisons.Labelled(p.label(), p.oldPath(), p.newPath(), compare(p, rule, latencyRule)));
        }
        LabelledComparisons all = new LabelledComparisons(done, pairs.onlyOld(), pairs.onlyNew());
        out.print(pairs.labelled() ? format.labelled.apply(all) : format.renderer.apply(done.get(0).comparison()));
        out.flush();
        return failOnRegression && all.anyRegression() ? REGRESSION : 0;
    }

    // Every pair is read and checked before the first is printed: bad input prints one line, not half a report.
    private static Comparison compare(SetPairs.Pair p, VerdictRule rule, VerdictRule latencyRule) {
        Map<RowKey, PooledRow> oldRows = ResultFiles.load(p.side("old"), p.oldPath());
        Map<RowKey, PooledRow> newRows = ResultFiles.load(p.side("new"), p.newPath());
        Comparison c = Comparison.of(oldRows, newRows, rule, latencyRule);
        if (c.rows().isEmpty()) {
            throw new IllegalArgumentException("nothing in common: no row of " + p.oldPath() + " matches one of " + p.newPath()
                    + " by benchmark, mode, params and threads");
        }
        // the environment files are read only for a comparison that will be printed
        return c.withLoads(List.of(SideLoad.read("old", p.oldPath()), SideLoad.read("new", p.newPath())))
                .withTooNoisy(TooNoisy.marks(p.oldPath()), TooNoisy.marks(p.newPath()));
    }

    static double minEffect(String option, String text) {
        return PrecisionTarget.percent(option, text, true);
    }
}
