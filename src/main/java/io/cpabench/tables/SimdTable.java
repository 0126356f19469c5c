package io.cpabench.tables;

import io.cpabench.results.JmhRow;
import io.cpabench.results.Numbers;
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

    /** One row read as ratios: {@code lanes} is NaN above 1 worker, any ratio NaN without its baseline. */
    public record Cell(String table, String kernel, int workers, double perNs, double errorPerNs, double lanes,
                       double threads, double both) {}

    /** The rows grouped per op and size (the table's title), SCALAR first, 1 worker before more. */
    public List<Cell> cells() {
        Map<String, List<JmhRow>> tables = new LinkedHashMap<>();
        for (JmhRow r : rows) {
            tables.computeIfAbsent("op=" + r.param("op") + ", size=" + r.param("size"), k -> new ArrayList<>()).add(r);
        }
        List<Cell> out = new ArrayList<>();
        for (Map.Entry<String, List<JmhRow>> table : tables.entrySet()) {
            List<JmhRow> sorted = new ArrayList<>(table.getValue());
            sorted.sort(Comparator.<JmhRow>comparingInt(r -> kernelOrder(r.param("kernel")))
                    .thenComparingInt(r -> workers(r)));
            double scalarOne = score(sorted, "SCALAR", 1);
            for (JmhRow r : sorted) {
                double score = perNs(r);
                double one = score(sorted, r.param("kernel"), 1);
                out.add(new Cell(table.getKey(), r.param("kernel"), workers(r), score,
                        r.error() * r.perSecondFactor() / 1e9, workers(r) == 1 ? score / scalarOne : Double.NaN,
                        score / one, score / scalarOne));
            }
        }
        return out;
    }

    public String render() {
        Map<String, TextTable> tables = new LinkedHashMap<>();
        for (Cell c : cells()) {
            String[] v = Numbers.withError(c.perNs(), c.errorPerNs());
            tables.computeIfAbsent(c.table(), k -> new TextTable("kernel", ">workers", ">elements/ns", ">± error",
                    ">lanes ×", ">threads ×", ">both ×")).row(c.kernel(), String.valueOf(c.workers()), v[0], v[1],
                    Numbers.times(c.lanes()), Numbers.times(c.threads()), Numbers.times(c.both()));
        }
        StringBuilder out = new StringBuilder();
        tables.forEach((title, t) -> out.append(System.lineSeparator()).append("SIMD lanes and threads (").append(title)
                .append("; lanes × = kernel over SCALAR on one core, threads × = over itself at 1 worker)")
                .append(System.lineSeparator()).append(t.render()));
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
