package io.cpabench.results;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

class ScalingRowsTest {
    @Test
    void parametersAddedLaterDoNotUnpairRowsOfWorkloadsTheyDoNotShape() {
        java.util.Map<String, String> before = java.util.Map.of("workload", "CPU", "model", "FORK_JOIN", "cpuSize", "15000");
        java.util.Map<String, String> after = new java.util.LinkedHashMap<>(before);
        after.put("serialPercent", "50");
        after.put("sharing", "NONE");
        assertThat(ScalingRows.identity(after)).isEqualTo(before);
        java.util.Map<String, String> lock = java.util.Map.of("workload", "SHARED_LOCK", "serialPercent", "25", "sharing", "NONE");
        assertThat(ScalingRows.identity(lock)).containsOnlyKeys("workload", "serialPercent");
        java.util.Map<String, String> unknown = java.util.Map.of("workload", "DISK", "serialPercent", "25");
        assertThat(ScalingRows.identity(unknown)).isEqualTo(unknown);
    }

    @Test
    void rowsGroupBySettingsWithSequentialAmongThem() {
        List<JmhRow> rows = new Rows()
                .scaling("CPU", "SEQUENTIAL", 2, 64, 10, 1)
                .scaling("CPU", "PLATFORM_THREADS", 1, 64, 10, 1)
                .scaling("IO_SLEEP", "PLATFORM_THREADS", 2, 64, 10, 1)
                .scaling("CPU", "PLATFORM_THREADS", 2, 64, 19, 1)
                .dispatch("PLATFORM_THREADS", 2, 90, 1)
                .parsed();
        List<ScalingRows.Group> groups = ScalingRows.group(rows);
        assertThat(groups).extracting(g -> g.settings().workload()).containsExactly("CPU", "IO_SLEEP");
        assertThat(groups.get(0).byModel().keySet()).containsExactly("SEQUENTIAL", "PLATFORM_THREADS");
        assertThat(groups.get(0).settings().fixed()).containsOnlyKeys("tasks");
    }

    @Test
    void theBaselineIsSequentialAtTheSameWorkersElseOneElseTheFewest() {
        TreeMap<Integer, Double> seq = new TreeMap<>();
        seq.put(4, 40.0);
        assertThat(ScalingRows.baseline(seq, 2, v -> true)).contains(40.0);
        seq.put(2, 20.0);
        assertThat(ScalingRows.baseline(seq, null, v -> true)).contains(20.0);
        seq.put(1, 10.0);
        assertThat(ScalingRows.baseline(seq, 2, v -> true)).contains(20.0);
        assertThat(ScalingRows.baseline(seq, 8, v -> true)).contains(10.0);
        assertThat(ScalingRows.baseline(seq, 8, v -> v > 15)).contains(20.0);
        assertThat(ScalingRows.baseline(new TreeMap<Integer, Double>(), 1, v -> true)).isEmpty();
    }

    @Test
    void theParametersThatMatterComeFromTheWorkload() {
        assertThat(ScalingRows.relevant("CPU")).containsExactly("cpuSize");
        assertThat(ScalingRows.irrelevant("CPU")).containsExactlyInAnyOrder("memKiB", "ioMicros", "serialPercent", "sharing");
        assertThat(ScalingRows.irrelevant("MIXED")).containsExactlyInAnyOrder("memKiB", "serialPercent", "sharing");
        assertThat(ScalingRows.relevant("UNKNOWN")).isEmpty();
        assertThat(ScalingRows.irrelevant("UNKNOWN")).isEmpty();
        assertThat(ScalingRows.positiveInt(" 3 ")).isEqualTo(3);
        assertThat(ScalingRows.positiveInt("0")).isNull();
        assertThat(ScalingRows.positiveInt("x")).isNull();
    }
}
