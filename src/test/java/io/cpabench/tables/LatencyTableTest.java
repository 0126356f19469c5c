package io.cpabench.tables;

import io.cpabench.results.JmhJson;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.Locale;
import org.junit.jupiter.api.Test;

class LatencyTableTest {
    private static String row(String model, int rate, double p50, double p99, double p999, double served) {
        return String.format(Locale.ROOT, "{\"benchmark\":\"io.cpabench.bench.LoopLatencyBenchmark.run\",\"mode\":\"thrpt\","
                + "\"params\":{\"cpuMs\":\"1\",\"ioMs\":\"1\",\"model\":\"%s\",\"rate\":\"%d\",\"workers\":\"0\"},"
                + "\"primaryMetric\":{\"score\":%d,\"scoreUnit\":\"ops/s\"},\"secondaryMetrics\":{"
                + "\"latency.p50\":{\"score\":%s,\"scoreUnit\":\"ms\"},\"latency.p99\":{\"score\":%s,\"scoreUnit\":\"ms\"},"
                + "\"latency.p99.9\":{\"score\":%s,\"scoreUnit\":\"ms\"},\"latency.achievedRate\":{\"score\":%s,\"scoreUnit\":\"req/s\"}}}",
                model, rate, rate, p50, p99, p999, served);
    }

    @Test
    void onePerModelAndRateWithScheduleVerdict() {
        String json = "[" + row("EVENT_LOOP", 1400, 420, 1018.9, 1028, 711.8) + "," + row("EVENT_LOOP", 500, 2.1, 3.456, 5, 498.7)
                + "," + row("EVENT_LOOP_OFFLOAD", 1400, 2.5, 4.0, 9, 1396) + ","
                + "{\"benchmark\":\"io.cpabench.bench.ScalingBenchmark.run\",\"params\":{},\"secondaryMetrics\":{}}]";
        String out = new LatencyTable(JmhJson.rows(json)).render();
        assertThat(out).contains("open-loop latency from the intended arrival (cpuMs=1, ioMs=1, workers=0)");
        String[] lines = out.split("\\R");
        // lowest rate first
        assertThat(lines[4]).contains("EVENT_LOOP").contains("500").contains("0.50 cores").contains("3.46")
                .contains("99.7%").endsWith("kept");
        assertThat(lines[5]).contains("EVENT_LOOP").contains("1,400").contains("1.40 cores").contains("1,020")
                .contains("50.8%").endsWith("fell behind");
        assertThat(lines[6]).contains("EVENT_LOOP_OFFLOAD").contains("99.7%").endsWith("kept");
        assertThat(out).doesNotContain("ScalingBenchmark");
    }

    @Test
    void nothingWithoutLatencyRows() {
        assertThat(new LatencyTable(JmhJson.rows("[]")).render()).isEmpty();
    }
}
