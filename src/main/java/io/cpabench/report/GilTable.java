package io.cpabench.report;

import io.cpabench.results.Numbers;
import java.util.ArrayList;
import java.util.List;

/** The GIL counters as numbers, beside their charts. */
final class GilTable {
    static final List<String> HEADERS = List.of("workload", "model", ">workers", ">switches/s", ">drop requests/s",
            ">ms waiting per s");

    private GilTable() {}

    static List<List<String>> rows(List<GilMetrics.Row> rows) {
        List<List<String>> out = new ArrayList<>();
        for (GilMetrics.Row r : rows) {
            out.add(List.of(r.workload(), r.model(), String.valueOf(r.workers()), Numbers.sig(r.switchesPerSecond(), 3),
                    Numbers.sig(r.dropsPerSecond(), 3), Numbers.sig(r.waitMsPerSecond(), 3)));
        }
        return out;
    }
}
