package io.cpabench.bench;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.cpabench.model.ExecutionModel;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** The latency benchmark opens, checks and closes every model through {@link Trial}: semantics only, nothing timed. */
class LoopLatencyBenchmarkTest {
    @ParameterizedTest
    @EnumSource(ExecutionModel.class)
    void everyModelOpensChecksAndCloses(ExecutionModel model) {
        assumeTrue(model.unavailableReason() == null, model::unavailableReason);
        LoopLatencyBenchmark b = new LoopLatencyBenchmark();
        b.model = model;
        b.rate = 100;
        b.ioMs = 0.1;
        b.cpuMs = 0.05;
        b.workers = 2;
        b.switchMicros = 5000;
        b.setUp();
        b.tearDown();
        assertThat(Thread.getAllStackTraces().keySet()).noneMatch(t -> t.isAlive() && t.getName().startsWith("cpabench-loop"));
    }
}
