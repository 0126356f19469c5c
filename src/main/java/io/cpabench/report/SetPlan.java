package io.cpabench.report;

import java.util.List;

/**
 * What a report shows: its result sets, the pairs it diffs, and the JDK labels some input lacks (named
 * on the page, so a JDK that did not run is seen rather than silently missing).
 */
record SetPlan(List<ResultSet> sets, List<Pair> diffs, List<String> unpaired) {
    record Pair(ResultSet oldSet, ResultSet newSet) {}
}
