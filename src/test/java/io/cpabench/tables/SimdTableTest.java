package io.cpabench.tables;

import io.cpabench.results.JmhRow;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class SimdTableTest {
    private static JmhRow row(String kernel, String op, int size, int workers, double perUs) {
        Map<String, String> p = new LinkedHashMap<>();
        p.put("kernel", kernel);
        p.put("op", op);
        p.put("size", String.valueOf(size));
        p.put("workers", String.valueOf(workers));
        return new JmhRow("io.cpabench.bench.SimdBenchmark.run", "thrpt", 1, p, perUs, perUs / 100, "ops/us");
    }

    private static final List<JmhRow> ROWS = new ArrayList<>(List.of(
            // listed out of order: the table sorts SCALAR first, 1 worker before 2
            row("VECTOR_API", "AXPY", 4096, 2, 30_000), row("SCALAR", "AXPY", 4096, 2, 3_800),
            row("SCALAR", "AXPY", 4096, 1, 2_000), row("VECTOR_API", "AXPY", 4096, 1, 16_000),
            row("AUTO_VECTOR", "DOT", 4096, 1, 1_000), row("SCALAR", "DOT", 4096, 1, 1_000)));

    private final String out = new SimdTable(ROWS).render();

    @Test
    void lanesThreadsAndBothAreRatiosToTheRightBaselines() {
        // scores in ops/us read as elements/ns: 16,000 /us = 16 /ns
        assertThat(line("VECTOR_API", "1", 0)).containsPattern("16\\.00\\s+0\\.16\\s+8\\.00×\\s+1\\.00×\\s+8\\.00×");
        // 2 workers: lanes × needs one core (—), threads × over its own 1 worker, both × over SCALAR at 1
        assertThat(line("VECTOR_API", "2", 0)).containsPattern("—\\s+1\\.88×\\s+15\\.0×");
        assertThat(line("SCALAR", "2", 0)).containsPattern("—\\s+1\\.90×\\s+1\\.90×");
        // C2 leaves a float sum scalar: the reading says 1.00×, not a gain
        assertThat(line("AUTO_VECTOR", "1", 0)).contains("1.00×");
    }

    @Test
    void oneTablePerOpAndSizeScalarFirst() {
        assertThat(out).contains("op=AXPY, size=4096").contains("op=DOT, size=4096");
        List<String> axpy = out.lines().dropWhile(l -> !l.contains("op=AXPY")).skip(3).limit(4).toList();
        assertThat(axpy.get(0)).startsWith("  SCALAR").contains(" 1 ");
        assertThat(axpy.get(1)).startsWith("  SCALAR").contains(" 2 ");
        assertThat(axpy.get(2)).startsWith("  VECTOR_API");
    }

    @Test
    void missingBaselineGivesADashAndNoRowsGiveNothing() {
        String noScalar = new SimdTable(List.of(row("VECTOR_API", "DOT", 64, 1, 5_000))).render();
        assertThat(noScalar).containsPattern("VECTOR_API\\s+1\\s+5\\.000\\s+0\\.050\\s+—\\s+1\\.00×\\s+—");
        assertThat(new SimdTable(List.of()).render()).isEmpty();
        assertThat(new HeadlineTables(ROWS, 2).render()).contains("SIMD lanes and threads");
    }

    private String line(String kernel, String workers, int occurrence) {
        return out.lines().filter(l -> l.strip().startsWith(kernel + " ") && l.strip().split("\\s+")[1].equals(workers))
                .skip(occurrence).findFirst().orElseThrow();
    }
}
