package io.cpabench.run;

import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

/**
 * The order a run's pieces are run in when several JDK configurations share one plan (a CPython
 * interpreter's pieces, {@code run --python}, are one more configuration, with rows of its own): rounds, one per
 * (row, fork k), in the order each JDK's own pieces already follow (a row's forks spread over the whole
 * run); inside a round, fork k of every JDK, in an order shuffled by a seed the plan records, so a
 * resume finds the same order. A machine drifts over minutes; run back to back, JDK 17's pieces and
 * JDK 25's would sit in different stretches of that drift and a difference between them would be the
 * drift's as much as the JDKs'. Interleaved, both sample every stretch alike.
 */
final class Schedule {
    /** One piece of one JDK configuration, in the order the run makes them. */
    record Slot(ForkTarget jdk, Piece piece) {}

    private Schedule() {}

    /**
     * @param pieces each configuration's pieces in its own run order (as {@link Piece#split} gives them),
     *               in --jdk order
     */
    static List<Slot> interleave(Map<? extends ForkTarget, List<Piece>> pieces, long seed) {
        return rounds(pieces, seed).stream().flatMap(List::stream).toList();
    }

    /** As {@link #interleave}, a round to a list: fork k of one row on every configuration that has the row. */
    static List<List<Slot>> rounds(Map<? extends ForkTarget, List<Piece>> pieces, long seed) {
        if (pieces.size() == 1) {
            Map.Entry<? extends ForkTarget, List<Piece>> only = pieces.entrySet().iterator().next();
            return only.getValue().stream().map(p -> List.of(new Slot(only.getKey(), p))).toList();
        }
        List<String> rows = rowOrder(pieces);
        Map<Round, List<Slot>> rounds = new LinkedHashMap<>();
        pieces.forEach((jdk, list) -> list.forEach(p -> rounds.computeIfAbsent(new Round(at(p), rows.indexOf(row(p))), r -> new ArrayList<>())
                .add(new Slot(jdk, p))));
        Random random = new Random(seed);
        List<List<Slot>> out = new ArrayList<>();
        rounds.entrySet().stream().sorted(Map.Entry.comparingByKey(Comparator.comparingDouble(Round::at).thenComparingInt(Round::row)))
                .forEach(e -> {
                    List<Slot> round = new ArrayList<>(e.getValue());
                    Collections.shuffle(round, random);
                    out.add(round);
                });
        return out;
    }

    /**
     * A round of forks a row grew by, shuffled like the planned ones, by a seed of its own derived from
     * the run's, the row and the fork, so a resume shuffles it alike whenever it is made.
     */
    static List<Slot> extraRound(List<Slot> slots, long seed, String row, int fork) {
        List<Slot> round = new ArrayList<>(slots);
        Collections.shuffle(round, new Random(seed ^ (31L * row.hashCode() + fork)));
        return round;
    }

    private record Round(double at, int row) {}

    /** Where in the run a fork belongs: fork k of F at (k − ½)/F, as {@link Piece#split} spreads them. */
    private static double at(Piece p) {
        return (p.fork() - 0.5) / p.forks();
    }

    /** What a row is, whatever its place in one JDK's plan: a JDK that skips a model numbers its rows differently. */
    static String row(Piece p) {
        return p.run().group() + " t" + p.run().threads() + " " + p.run().describe(p.run().combinations().get(0));
    }

    /**
     * Every configuration's rows in one order: the first's, with the rows only a later one has (virtual
     * threads, which JDK 17 skips) placed after the row they follow there.
     */
    private static List<String> rowOrder(Map<? extends ForkTarget, List<Piece>> pieces) {
        List<String> order = new ArrayList<>();
        for (List<Piece> list : pieces.values()) {
            List<String> own = list.stream().sorted(Piece.PLAN_ORDER).map(Schedule::row).distinct().toList();
            String previous = null;
            for (String r : own) {
                if (!order.contains(r)) {
                    order.add(previous == null ? 0 : order.indexOf(previous) + 1, r);
                }
                previous = r;
            }
        }
        return order;
    }
}
