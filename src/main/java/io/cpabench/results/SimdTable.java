package io.cpabench.results;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * SimdBenchmark's rows read as the two kinds of parallelism: per kernel and array size, the gain of
 * SIMD lanes on one core (the kernel at 1 worker over SCALAR at 1 worker), the gain of threads on top
 * (the kernel at N workers over itself at 1), and both together (over SCALAR at 1). Empty without rows.
 */
public final class SimdTable {
    static final String BENCHMARK = "SimdBenchmark.run";
    private static final List<String> KERNELS = List.of("SCALAR", "AUTO_VECTOR", "VECTOR_API");

    private final List<JmhRow> rows = new ArrayList<>();

    public SimdTable(List<JmhRow> jmhRows) {
        for (JmhRow r : jmhRows) {
            if (r.shortName().equals(BENCHMARK)) {
                rows.add(r);
            }
        }
    }

    public String render() {
        Map<String, List<JmhRow>> tables = new LinkedHashMap<>();
        for (JmhRow r : rows) {
            tables.computeIfAbsent("op=" + r.param("op") + ", size=" + r.param("size"), k -> new ArrayList<>()).add(r);
        }
        StringBuilder out = new StringBuilder();
        for (Map.Entry<String, List<JmhRow>> table : tables.entrySet()) {
            List<JmhRow> sorted = new ArrayList<>(table.getValue());
            sorted.sort(Comparator.<JmhRow>comparingInt(r -> kernelOrder(r.param("kernel")))
                    .thenComparingInt(r -> workers(r)));
            double scalarOne = score(sorted, "SCALAR", 1);
            TextTable t = new TextTable("kernel", ">workers", ">elements/ns", ">± error", ">lanes ×", ">threads ×", ">both ×");
            for (JmhRow r : sorted) {
                String kernel = r.param("kernel");
                double one = score(sorted, kernel, 1);
                double score = perNs(r);
                double kernelOne = workers(r) == 1 ? score : Double.NaN;
                String[] v = Numbers.withError(score, r.error() * r.perSecondFactor() / 1e9);
                t.row(kernel, r.param("workers"), v[0], v[1],
                        Numbers.times(kernelOne / scalarOne), Numbers.times(score / one),
                        Numbers.times(score / scalarOne));
            }
            out.append(System.lineSeparator()).append("SIMD lanes and threads (").append(table.getKey())
                    .append("; lanes × = kernel over SCALAR on one core, threads × = over itself at 1 worker)")
                    .append(System.lineSeparator()).append(t.render());
        }
        return out.toString();
    }

    private static double score(List<JmhRow> rows, String kernel, int workers) {
        return rows.stream().filter(r -> kernel.equals(r.param("kernel")) && workers(r) == workers)
                .mapToDouble(SimdTable::perNs).findFirst().orElse(Double.NaN);
    }

    // one operation is one element (@OperationsPerInvocation), whatever time unit the run chose
    private static double perNs(JmhRow r) {
        return r.score() * r.perSecondFactor() / 1e9;
    }

    private static int kernelOrder(String kernel) {
        int i = KERNELS.indexOf(kernel);
        return i < 0 ? KERNELS.size() : i;
    }

    private static int workers(JmhRow r) {
        try {
            return Integer.parseInt(r.param("workers"));
        } catch (NumberFormatException | NullPointerException e) {
            return -1;
        }
    }
}
