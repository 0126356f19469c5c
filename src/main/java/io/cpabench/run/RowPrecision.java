package io.cpabench.run;

import com.fasterxml.jackson.databind.JsonNode;
import io.cpabench.results.JmhRow;
import io.cpabench.results.PartsDir;
import io.cpabench.results.PrecisionOutcome;
import io.cpabench.stats.ForkSample;
import io.cpabench.stats.ForksUntilPrecise;
import io.cpabench.stats.RowKey;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The stopping rule of forks until precise asked about one row of one JDK configuration, from the
 * per-fork means of the primary metric in its finished pieces' JMH JSON. A piece is one fork, but
 * may hold several result rows (a user's extra -p is swept inside it): each is asked on its own.
 */
final class RowPrecision {
    /** The answer for one result row, with the fork count it was given. */
    record Asked(JmhRow row, int forks, ForksUntilPrecise.Decision decision) {
        PrecisionOutcome outcome(PrecisionTarget target) {
            String o = decision.outcome() == ForksUntilPrecise.Outcome.MORE ? "SHORT" : decision.outcome().name();
            return new PrecisionOutcome(row.benchmark(), row.mode(), row.threads(), new java.util.TreeMap<>(row.params()), forks,
                    decision.spread(), decision.halfWidth(), target.precision(), target.maxForks(), o);
        }
    }

    private RowPrecision() {}

    /**
     * @param rowPieces every piece of the row so far, all finished
     * @return one answer per result row; none when the row has no target or a fork failed (its rows are
     *         reported as failed, and growing them would rerun a crash up to the cap)
     */
    static List<Asked> ask(PartsDir parts, List<Piece> rowPieces) {
        PrecisionTarget target = rowPieces.get(0).run().precision();
        if (target == null || rowPieces.stream().anyMatch(p -> parts.error(p.id()).isPresent())) {
            return List.of();
        }
        int planned = rowPieces.stream().mapToInt(Piece::forks).min().orElseThrow();
        Map<RowKey, List<Double>> means = new LinkedHashMap<>();
        Map<RowKey, JmhRow> first = new LinkedHashMap<>();
        for (Piece p : rowPieces) {
            for (JsonNode node : parts.rows(p.id())) {
                JmhRow r = JmhRow.of(node);
                RowKey k = RowKey.of(r);
                first.putIfAbsent(k, r);
                for (double m : ForkSample.ofRawData(r.rawData(), 1.0).means()) {
                    means.computeIfAbsent(k, x -> new ArrayList<>()).add(m);
                }
            }
        }
        List<Asked> out = new ArrayList<>();
        means.forEach((k, m) -> {
            if (m.size() < rowPieces.size() || m.stream().anyMatch(x -> !(x > 0) || !Double.isFinite(x))) {
                // a fork without a value, or a score of zero: the rule reads logs, and nothing here would grow usefully
                return;
            }
            out.add(new Asked(first.get(k), m.size(), ForksUntilPrecise.decide(m, target.precision(), target.maxForks(), planned)));
        });
        return out;
    }
}
