package io.cpabench.stats;

import io.cpabench.results.JmhRow;
import io.cpabench.results.ScalingRows;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.stream.Collectors;

/**
 * What makes two result rows the same measurement: benchmark, mode, params and threads (less a parameter
 * added later that the row's workload ignores: {@link ScalingRows#identity}).
 */
public record RowKey(String benchmark, String mode, int threads, SortedMap<String, String> params)
        implements Comparable<RowKey> {

    public static RowKey of(JmhRow row) {
        return new RowKey(row.benchmark(), row.mode(), row.threads(), new TreeMap<>(ScalingRows.identity(row.params())));
    }

    /** {@code ScalingBenchmark.run}: the method without its package. */
    public String shortName() {
        int method = benchmark.lastIndexOf('.');
        int cls = method > 0 ? benchmark.lastIndexOf('.', method - 1) : -1;
        return benchmark.substring(cls + 1);
    }

    /** The benchmark class, the level at which geometric means are taken. */
    public String className() {
        String s = shortName();
        int dot = s.indexOf('.');
        return dot < 0 ? s : s.substring(0, dot);
    }

    /** "k=v k=v" over the given keys, in key order, with threads when the keys include "threads". */
    public String paramsText(Iterable<String> keys) {
        StringBuilder out = new StringBuilder();
        for (String k : keys) {
            String v = "threads".equals(k) && !params.containsKey(k) ? String.valueOf(threads) : params.get(k);
            if (v != null) {
                out.append(out.length() == 0 ? "" : " ").append(k).append('=').append(v);
            }
        }
        return out.toString();
    }

    public String paramsText() {
        return params.entrySet().stream().map(Map.Entry::toString).collect(Collectors.joining(" "));
    }

    @Override
    public int compareTo(RowKey o) {
        int c = benchmark.compareTo(o.benchmark);
        c = c != 0 ? c : mode.compareTo(o.mode);
        c = c != 0 ? c : paramsText().compareTo(o.paramsText());
        return c != 0 ? c : Integer.compare(threads, o.threads);
    }
}
