package io.cpabench.cli;

import java.io.IOException;
import java.io.PrintStream;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Runs the pieces of one or more JDK configurations that their parts directories do not hold yet, in
 * the run's {@link Schedule}: a fresh run and a resumed one walk the same order and skip what is done.
 */
final class RunPieces {
    private RunPieces() {}

    static void runMissing(PrintStream out, List<JdkRun> runs, long seed) throws IOException {
        Map<ForkJdk, List<Piece>> pieces = new LinkedHashMap<>();
        Map<ForkJdk, JdkRun> byJdk = new LinkedHashMap<>();
        runs.forEach(r -> {
            pieces.put(r.jdk(), r.pieces());
            byJdk.put(r.jdk(), r);
        });
        List<Schedule.Slot> toRun = Schedule.interleave(pieces, seed).stream().filter(s -> !byJdk.get(s.jdk()).done(s.piece())).toList();
        double left = toRun.stream().mapToDouble(s -> s.piece().run().estimatedSeconds()).sum();
        boolean several = runs.size() > 1;
        int n = 0;
        for (Schedule.Slot s : toRun) {
            // JMH's own progress line covers one piece (one fork): this one covers the run
            out.printf(Locale.ROOT, "%n[piece %d of %d, about %d min left] %s%s%n", ++n, toRun.size(), Math.round(left / 60),
                    several ? "JDK " + s.jdk().label() + ": " : "", s.piece().describe());
            left -= s.piece().run().estimatedSeconds();
            byJdk.get(s.jdk()).run(s.piece());
        }
    }
}
