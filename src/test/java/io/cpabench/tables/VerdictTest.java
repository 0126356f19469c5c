package io.cpabench.tables;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class VerdictTest {
    @Test
    void sequentialIsTheBaseline() {
        assertThat(Verdict.of("SEQUENTIAL", "CPU", 1.0, 2, 2)).isEqualTo("baseline");
        assertThat(Verdict.of("SEQUENTIAL", "IO_SLEEP", 1.0, 2, 2)).isEqualTo("baseline");
    }

    @Test
    void ioWaitsOverlapOrSerialise() {
        assertThat(Verdict.of("PLATFORM_THREADS", "IO_SLEEP", 1.98, 2, 2)).isEqualTo("waits overlapped");
        assertThat(Verdict.of("PLATFORM_THREADS", "IO_SOCKET", 3.0, 2, 2)).isEqualTo("waits overlapped");
        assertThat(Verdict.of("EVENT_LOOP", "IO_SLEEP", 120, 2, 2)).isEqualTo("waits overlapped (60× more than workers)");
        assertThat(Verdict.of("GIL_THREADS", "IO_SLEEP", 1.2, 2, 2)).isEqualTo("waits serialised");
        assertThat(Verdict.of("GIL_THREADS", "IO_SLEEP", 1.5, 1, 2)).isEqualTo("waits overlapped");
    }

    @Test
    void computeVerdictsUseTheCoresThatCouldWork() {
        assertThat(Verdict.of("PLATFORM_THREADS", "CPU", 1.9, 2, 2)).isEqualTo("parallel");
        assertThat(Verdict.of("PLATFORM_THREADS", "CPU", 1.2, 2, 2)).isEqualTo("parallel");
        assertThat(Verdict.of("GIL_THREADS", "CPU", 0.95, 2, 2)).isEqualTo("concurrent, not parallel");
        assertThat(Verdict.of("GIL_THREADS", "CPU", 0.6, 2, 2)).isEqualTo("slower than sequential");
        // 16 workers on 2 cores: p = 2, so 1.1× is only concurrent, 1.25× (≥ 0.6 p) is parallel.
        assertThat(Verdict.of("PLATFORM_THREADS", "CPU", 1.1, 16, 2)).isEqualTo("concurrent, not parallel");
        assertThat(Verdict.of("PLATFORM_THREADS", "CPU", 1.25, 16, 2)).isEqualTo("parallel");
        assertThat(Verdict.of("PLATFORM_THREADS", "CPU", 2.0, 16, 2)).isEqualTo("parallel");
        // 16 workers on 16 cores need 9.6×; 5× is partly parallel.
        assertThat(Verdict.of("FORK_JOIN", "MEMORY", 5.0, 16, 16)).isEqualTo("partly parallel");
        // one worker can never be parallel
        assertThat(Verdict.of("PLATFORM_THREADS", "CPU", 1.4, 1, 8)).isEqualTo("partly parallel");
        assertThat(Verdict.of("PLATFORM_THREADS", "NOOP", 1.0, 1, 8)).isEqualTo("concurrent, not parallel");
    }

    @Test
    void missingBaselineIsSaid() {
        assertThat(Verdict.of("FORK_JOIN", "CPU", Double.NaN, 2, 2)).isEqualTo("no baseline");
    }
}
