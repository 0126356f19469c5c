package io.cpabench.report;

import java.time.LocalDate;
import java.util.List;

/**
 * Every night of one runner label and JDK label in the history, oldest first, with its rows' trends,
 * rows ordered worst last night first.
 *
 * @param baseline the nights the nightly pooled to judge the last one (see {@link BaselineNights})
 */
record TrendSet(String runner, String jdk, List<HistoryLayout.NightDir> nights, List<LocalDate> baseline,
                List<Trend> rows) {

    HistoryLayout.NightDir last() {
        return nights.get(nights.size() - 1);
    }

    String title() {
        return runner + " · " + jdk;
    }

    /** Nights the comparison flagged and nobody accepted yet. */
    long flaggedNights() {
        return nights.stream().filter(n -> n.mark().flagged()).count();
    }

    long acceptedNights() {
        return nights.stream().filter(n -> n.mark().accepted()).count();
    }
}
