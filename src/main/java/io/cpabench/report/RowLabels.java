package io.cpabench.report;

import io.cpabench.results.JmhRow;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/** Names result rows by benchmark and only the parameters that differ between them, so labels stay short. */
final class RowLabels {
    private final Set<String> varying = new TreeSet<>();

    RowLabels(Collection<Map<String, String>> params) {
        Map<String, Set<String>> values = new TreeMap<>();
        params.forEach(p -> p.forEach((k, v) -> values.computeIfAbsent(k, x -> new TreeSet<>()).add(v)));
        values.forEach((k, v) -> {
            if (v.size() > 1) {
                varying.add(k);
            }
        });
    }

    String of(String shortName, int threads, Map<String, String> params) {
        List<String> parts = new ArrayList<>();
        parts.add(shortName.replaceFirst("\\.run$", ""));
        for (String k : List.of("workload", "model", "workers")) {
            if (varying.contains(k) && params.containsKey(k)) {
                parts.add(params.get(k));
            }
        }
        new TreeMap<>(params).forEach((k, v) -> {
            if (varying.contains(k) && !Set.of("workload", "model", "workers").contains(k)) {
                parts.add(k + "=" + v);
            }
        });
        if (threads != 1) {
            parts.add("threads=" + threads);
        }
        return String.join(" ", parts);
    }

    String of(JmhRow r) {
        return of(r.shortName(), r.threads(), r.params());
    }
}
