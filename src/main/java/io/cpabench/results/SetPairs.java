package io.cpabench.results;

import io.cpabench.results.ResultSetDirs.Found;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * The sets of two paths paired for a comparison: by label ({@code jdk17} with {@code jdk17}) when the
 * paths are runner directories or results roots, the two sets themselves when both are plain. Labels
 * on one side only are kept, to be named, never dropped.
 *
 * @param labelled whether either path held labelled sets (the output then names each pair)
 */
public record SetPairs(List<Pair> pairs, List<Found> onlyOld, List<Found> onlyNew, boolean labelled) {
    public record Pair(String label, Path oldPath, Path newPath) {
        /** How messages name a side of this pair: "old", or "old (jdk17)" when there are labels. */
        public String side(String which) {
            return label.isEmpty() ? which : which + " (" + label + ")";
        }
    }

    /** @throws IllegalArgumentException with a one-line message when nothing can be paired */
    public static SetPairs of(List<Found> old, List<Found> neu) {
        boolean oldPlain = old.size() == 1 && !old.get(0).labelled();
        boolean newPlain = neu.size() == 1 && !neu.get(0).labelled();
        if (oldPlain && newPlain) {
            return new SetPairs(List.of(new Pair("", old.get(0).path(), neu.get(0).path())), List.of(), List.of(), false);
        }
        // One set against a runner directory with a single JDK: nothing to choose, so no reason to refuse.
        if (oldPlain || newPlain) {
            List<Found> many = oldPlain ? neu : old;
            if (many.size() != 1) {
                throw new IllegalArgumentException((oldPlain ? "old" : "new") + " is one result set but "
                        + (oldPlain ? "new" : "old") + " holds " + labels(many) + ": name one of its directories");
            }
            Found one = (oldPlain ? old : neu).get(0);
            Path a = oldPlain ? one.path() : many.get(0).path();
            Path b = oldPlain ? many.get(0).path() : one.path();
            return new SetPairs(List.of(new Pair(many.get(0).label(), a, b)), List.of(), List.of(), true);
        }
        Map<String, Found> byLabel = new LinkedHashMap<>();
        neu.forEach(f -> byLabel.put(f.label(), f));
        List<Pair> pairs = new ArrayList<>();
        List<Found> onlyOld = new ArrayList<>();
        for (Found f : old) {
            Found match = byLabel.remove(f.label());
            if (match == null) {
                onlyOld.add(f);
            } else {
                pairs.add(new Pair(f.label(), f.path(), match.path()));
            }
        }
        if (pairs.isEmpty()) {
            throw new IllegalArgumentException("no JDK label on both sides: old has " + labels(old) + ", new has " + labels(neu));
        }
        return new SetPairs(pairs, onlyOld, List.copyOf(byLabel.values()), true);
    }

    public static String labels(List<Found> sets) {
        return sets.stream().map(Found::label).collect(Collectors.joining(", "));
    }
}
