package io.cpabench.run;

import java.io.IOException;
import java.io.PrintStream;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Runs the pieces of one or more JDK configurations that their parts directories do not hold yet, in
 * the run's {@link Schedule}: a fresh run and a resumed one walk the same order and skip what is done.
 * A row that forks until precise is asked, right after the round that finishes its forks, whether it
 * needs more ({@link ExtraForks}); the rounds it grows by are spread over the rounds still to come, as
 * the planned forks are spread over the run, or follow it when none are left.
 */
final class RunPieces {
    private RunPieces() {}

    static void runMissing(PrintStream out, List<JdkRun> runs, long seed) throws IOException {
        Map<ForkTarget, List<Piece>> pieces = new LinkedHashMap<>();
        Map<ForkTarget, JdkRun> byJdk = new LinkedHashMap<>();
        runs.forEach(r -> {
            pieces.put(r.jdk(), r.pieces());
            byJdk.put(r.jdk(), r);
        });
        List<List<Schedule.Slot>> rounds = new ArrayList<>(Schedule.rounds(pieces, seed));
        boolean precise = runs.stream().flatMap(r -> r.pieces().stream()).anyMatch(p -> p.run().precision() != null);
        ExtraForks extra = precise ? ExtraForks.load(runs) : null;
        List<Schedule.Slot> toRun = rounds.stream().flatMap(List::stream).filter(s -> !byJdk.get(s.jdk()).done(s.piece())).toList();
        int total = toRun.size();
        double left = toRun.stream().mapToDouble(s -> s.piece().run().estimatedSeconds()).sum();
        boolean several = runs.size() > 1;
        int n = 0;
        for (int i = 0; i < rounds.size(); i++) {
            for (Schedule.Slot s : rounds.get(i)) {
                if (byJdk.get(s.jdk()).done(s.piece())) {
                    continue;
                }
                // JMH's own progress line covers one piece (one fork): this one covers the run
                out.printf(Locale.ROOT, "%n[piece %d of %d, about %d min left] %s%s%n", ++n, total, Math.round(left / 60),
                        several ? s.jdk().progressName() + ": " : "", s.piece().describe());
                left -= s.piece().run().estimatedSeconds();
                byJdk.get(s.jdk()).run(s.piece());
            }
            if (extra == null || rounds.get(i).get(0).piece().run().precision() == null) {
                continue;
            }
            String row = Schedule.row(rounds.get(i).get(0).piece());
            if (!lastOf(rounds, i, row)) {
                continue;
            }
            List<List<Schedule.Slot>> added = grow(out, extra, rounds.subList(0, i + 1), row, byJdk, seed);
            for (List<Schedule.Slot> round : added) {
                for (Schedule.Slot s : round) {
                    if (!byJdk.get(s.jdk()).done(s.piece())) {
                        total++;
                        left += s.piece().run().estimatedSeconds();
                    }
                }
            }
            spread(rounds, i, added);
        }
    }

    private static boolean lastOf(List<List<Schedule.Slot>> rounds, int i, String row) {
        for (int j = i + 1; j < rounds.size(); j++) {
            if (Schedule.row(rounds.get(j).get(0).piece()).equals(row)) {
                return false;
            }
        }
        return true;
    }

    /** The rounds the row grows by now, their pieces added to their configurations' runs; none when it stays. */
    private static List<List<Schedule.Slot>> grow(PrintStream out, ExtraForks extra, List<List<Schedule.Slot>> done, String row,
                                                  Map<ForkTarget, JdkRun> byJdk, long seed) throws IOException {
        Map<JdkRun, List<Piece>> rowPieces = new LinkedHashMap<>();
        for (List<Schedule.Slot> round : done) {
            for (Schedule.Slot s : round) {
                if (Schedule.row(s.piece()).equals(row)) {
                    rowPieces.computeIfAbsent(byJdk.get(s.jdk()), r -> new ArrayList<>()).add(s.piece());
                }
            }
        }
        int from = rowPieces.values().stream().mapToInt(List::size).max().orElse(0);
        int to = extra.forks(row, rowPieces);
        List<List<Schedule.Slot>> added = new ArrayList<>();
        for (int fork = from + 1; fork <= to; fork++) {
            List<Schedule.Slot> slots = new ArrayList<>();
            for (Map.Entry<JdkRun, List<Piece>> e : rowPieces.entrySet()) {
                Piece p = Piece.extra(e.getValue().get(0), fork, to);
                e.getKey().add(p);
                slots.add(new Schedule.Slot(e.getKey().jdk(), p));
            }
            added.add(Schedule.extraRound(slots, seed, row, fork));
        }
        if (to > from) {
            out.printf(Locale.ROOT, "%n[forks until precise] %s: %d more fork%s (%d → %d, %s)%n", row, to - from, to - from == 1 ? "" : "s",
                    from, to, precisionOf(rowPieces).describe());
        }
        return added;
    }

    private static PrecisionTarget precisionOf(Map<JdkRun, List<Piece>> rowPieces) {
        return rowPieces.values().iterator().next().get(0).run().precision();
    }

    /**
     * Inserts the added rounds among those after round {@code i}: the j-th of e at j/(e + 1) of what is
     * left, so none runs right after the row's last fork and they spread like planned forks; all at
     * the end when nothing is left.
     */
    private static void spread(List<List<Schedule.Slot>> rounds, int i, List<List<Schedule.Slot>> added) {
        int rest = rounds.size() - i - 1;
        int e = added.size();
        // from the last, so earlier places do not move
        for (int j = e; j >= 1; j--) {
            int offset = (int) Math.floor((double) rest * j / (e + 1));
            rounds.add(i + 1 + offset, added.get(j - 1));
        }
    }
}
