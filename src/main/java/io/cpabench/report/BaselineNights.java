package io.cpabench.report;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Predicate;

/**
 * The nights whose forks the nightly pooled to judge a set's last night, by nightly.sh's own rule
 * (baseline_nights): up to {@link #K} good nights before it, newest first, where a flagged night is
 * skipped and an accepted one is taken and ends the search (it is the new normal). The report uses
 * them only to say how far the last night moved and to order the rows; the verdict is the FLAGGED file.
 */
final class BaselineNights {
    /** nightly.sh's default --baseline-nights. */
    static final int K = 5;

    private BaselineNights() {}

    /** @param hasData whether a night has any readable row (nightly.sh skips nights without a result file) */
    static List<HistoryLayout.NightDir> of(List<HistoryLayout.NightDir> oldestFirst,
                                           Predicate<HistoryLayout.NightDir> hasData) {
        List<HistoryLayout.NightDir> out = new ArrayList<>();
        for (int i = oldestFirst.size() - 2; i >= 0 && out.size() < K; i--) {
            HistoryLayout.NightDir n = oldestFirst.get(i);
            if (!hasData.test(n) || n.mark().flagged()) {
                continue;
            }
            out.add(n);
            if (n.mark().accepted()) {
                break;
            }
        }
        return out;
    }
}
