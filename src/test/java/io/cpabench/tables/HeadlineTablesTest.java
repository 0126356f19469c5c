package io.cpabench.tables;

import io.cpabench.results.JmhRow;
import io.cpabench.results.Rows;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class HeadlineTablesTest {
    private static final List<JmhRow> SEED = new Rows()
            .scaling("CPU", "SEQUENTIAL", 2, 64, 10.0, 0.1)
            .scaling("CPU", "GIL_THREADS", 2, 64, 9.0, 0.2)
            .scaling("CPU", "PLATFORM_THREADS", 2, 64, 19.0, 0.3)
            .scaling("IO_SLEEP", "SEQUENTIAL", 2, 256, 3.7, 0.01)
            .scaling("IO_SLEEP", "PLATFORM_THREADS", 2, 256, 7.3, 0.02)
            .scaling("IO_SLEEP", "EVENT_LOOP", 2, 256, 370, 5)
            .dispatch("FORK_JOIN", 2, 24.183, 0.51)
            .threads("NONE", 1, 1000).threads("NONE", 2, 1950).threads("GIL", 1, 1000).threads("GIL", 2, 900)
            .parsed();

    private final String out = new HeadlineTables(SEED, 2).render();

    @Test
    void oneTablePerWorkloadWithTasksPerSecondAndVerdicts() {
        assertThat(out).contains("CPU  (tasks=64)").contains("IO_SLEEP  (tasks=256)");
        // tasks/s = ops/s × tasks; the error scales the same way: 19 × 64 = 1216 ± 19.2, shown to the error's precision
        assertThat(line("PLATFORM_THREADS", 0)).contains("1,216").contains("19").contains("1.90×").endsWith("parallel");
        assertThat(line("GIL_THREADS", 0)).contains("0.90×").endsWith("concurrent, not parallel");
        assertThat(line("SEQUENTIAL", 0)).contains("1.00×").endsWith("baseline");
        assertThat(line("EVENT_LOOP", 0)).contains("94,700").contains("1,300").contains("100×").endsWith("waits overlapped (50× more than workers)");
        assertThat(line("PLATFORM_THREADS", 1)).contains("1.97×").endsWith("waits overlapped");
    }

    @Test
    void dispatchTableInNanosPerTask() {
        assertThat(out).contains("dispatch cost per task (NOOP)");
        assertThat(line("FORK_JOIN", 0)).contains("24.18").contains("0.51");
    }

    @Test
    void threadsTableComparesWithOneThreadOfTheSameLock() {
        assertThat(out).contains("JMH threads running tasks inline: CPU");
        assertThat(out).containsPattern("2\\s+NONE\\s+1,950\\s+n/a\\s+1\\.95×");
        assertThat(out).containsPattern("2\\s+GIL\\s+900\\s+n/a\\s+0\\.90×");
    }

    @Test
    void columnsAreAligned() {
        List<String> table = out.lines().dropWhile(l -> !l.startsWith("CPU")).skip(1).limit(5).toList();
        int verdictColumn = table.get(0).indexOf("verdict");
        assertThat(table.subList(2, 5)).allSatisfy(l -> assertThat(l.charAt(verdictColumn - 1)).isEqualTo(' '));
        assertThat(table.subList(2, 5)).allSatisfy(l -> assertThat(l.charAt(verdictColumn)).isNotEqualTo(' '));
    }

    private String line(String model, int occurrence) {
        return out.lines().filter(l -> l.strip().startsWith(model + " ")).skip(occurrence).findFirst().orElseThrow();
    }
}
