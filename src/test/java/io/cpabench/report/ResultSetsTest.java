package io.cpabench.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;

class ResultSetsTest {
    @Test
    void aResultFileIsNamedByRunnerAndJdkSoTwoJdksOfOneRunDiffer() {
        assertThat(ResultSets.shownName(Path.of("/r/jmh-results/box/jdk17/2026-11-26T19-03-27Z.json")))
                .isEqualTo(Path.of("box/jdk17/2026-11-26T19-03-27Z.json"));
        assertThat(ResultSets.shownName(Path.of("/r/jmh-results/box/jdk25/2026-11-26T19-03-27Z.json")))
                .isEqualTo(Path.of("box/jdk25/2026-11-26T19-03-27Z.json"));
        assertThat(ResultSets.shownName(Path.of("/tmp/mine.json"))).isEqualTo(Path.of("mine.json"));
    }
}
