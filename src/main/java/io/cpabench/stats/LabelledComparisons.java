package io.cpabench.stats;

import io.cpabench.results.ResultSetDirs.Found;
import java.nio.file.Path;
import java.util.List;

/**
 * {@code compare} of two runner directories or results roots: one comparison per JDK label both
 * have, and the labels only one side has, named so a missing JDK is seen rather than silently skipped.
 */
public record LabelledComparisons(List<Labelled> comparisons, List<Found> onlyOld, List<Found> onlyNew) {
    public record Labelled(String label, Path oldPath, Path newPath, Comparison comparison) {}

    public boolean anyRegression() {
        return comparisons.stream().anyMatch(l -> l.comparison().anyRegression());
    }

    /** Each pair under a heading with its label and paths, then the one-sided labels. */
    public static String text(LabelledComparisons all) {
        StringBuilder out = new StringBuilder();
        String nl = System.lineSeparator();
        for (Labelled l : all.comparisons) {
            out.append("== ").append(l.label()).append(": ").append(l.oldPath()).append(" vs ").append(l.newPath())
                    .append(" ==").append(nl).append(nl).append(CompareText.render(l.comparison())).append(nl);
        }
        all.onlyOld.forEach(f -> out.append("only in old, not compared: ").append(f.label()).append(" (").append(f.path()).append(')').append(nl));
        all.onlyNew.forEach(f -> out.append("only in new, not compared: ").append(f.label()).append(" (").append(f.path()).append(')').append(nl));
        return out.toString();
    }

    public static String markdown(LabelledComparisons all) {
        StringBuilder out = new StringBuilder();
        for (Labelled l : all.comparisons) {
            out.append("### ").append(l.label()).append(": `").append(l.oldPath()).append("` vs `").append(l.newPath())
                    .append("`\n\n").append(CompareMarkdown.render(l.comparison())).append('\n');
        }
        all.onlyOld.forEach(f -> out.append("- only in old, not compared: ").append(f.label()).append(" (`").append(f.path()).append("`)\n"));
        all.onlyNew.forEach(f -> out.append("- only in new, not compared: ").append(f.label()).append(" (`").append(f.path()).append("`)\n"));
        return out.toString();
    }
}
