package io.cpabench.workload;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assumptions.assumeThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/**
 * The CPython harness (python/) must run the same tasks as the JVM suite: its batch checksums are
 * checked against the numbers in python/tests/jvm_checksums.json, and this test checks that the Java
 * code gives exactly those numbers, so both sides are tied to one file.
 */
class CpythonChecksumTest {
    private static final Path SHARED = Path.of("python", "tests", "jvm_checksums.json");

    @Test
    void theJvmReferenceChecksumsAreTheOnesThePythonHarnessMustReproduce() throws IOException {
        // the known-effect execution scales the work on purpose; the harness has no such knob
        assumeThat(CpuScale.factor()).isEqualTo(1.0);
        JsonNode cases = new ObjectMapper().readTree(SHARED.toFile()).path("cases");
        assertThat(cases.size()).isGreaterThanOrEqualTo(2);
        for (JsonNode c : cases) {
            WorkloadConfig config = new WorkloadConfig(c.path("cpuSize").asLong(), 8, 0, c.path("ioMicros").asLong(), null);
            try (Workbench wb = Workload.parse(c.path("workload").asText()).open(config)) {
                long actual = wb.referenceChecksum(wb.tasks(c.path("tasks").asInt()));
                assertThat(actual).as("checksum of %s", c).isEqualTo(c.path("checksum").asLong());
            }
        }
    }
}
