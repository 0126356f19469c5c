package io.cpabench.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SourcesTest {
    @TempDir
    Path tmp;

    private static List<ResultSet> fixture() {
        return ResultSets.load(List.of(Fixtures.runs()));
    }

    @Test
    void forkStatisticsJudgeTheFixtureLikeCompare() {
        List<ResultSet> sets = fixture();
        Diff d = Sources.diff().compare(sets.get(0), sets.get(1));
        assertThat(d.method()).contains("Welch");
        // the JDK 25 fixture runs FORK_JOIN 8% faster and EVENT_LOOP 10% slower
        assertThat(d.rows()).filteredOn(r -> r.label().contains("FORK_JOIN")).extracting(Diff.Row::verdict).contains("faster");
        assertThat(d.rows()).filteredOn(r -> r.label().contains("EVENT_LOOP") && r.label().contains("IO_SLEEP"))
                .extracting(Diff.Row::verdict).contains("slower");
    }

    @Test
    void oneForkFallsBackToJmhErrorsAndSaysSo() throws Exception {
        Path a = oneFork("a.json", 10.0);
        Path b = oneFork("b.json", 12.0);
        List<ResultSet> sets = ResultSets.load(List.of(a, b));
        Diff d = Sources.diff().compare(sets.get(0), sets.get(1));
        assertThat(d.method()).startsWith("fewer than 2 forks");
        assertThat(d.rows()).singleElement().satisfies(r -> assertThat(r.ratio()).isEqualTo(1.2));
    }

    @Test
    void uslFitReadsTheGilAsSerialised() {
        ScalingGroup cpu = ScalingGroups.of(fixture().get(0).rows()).get(0);
        var fit = Sources.scalingFits().fit(cpu, "GIL_THREADS", ScalingGroup.values(cpu.models().get("GIL_THREADS")), cpu.sequential());
        assertThat(fit).hasValueSatisfying(f -> {
            assertThat(f.sigma()).isGreaterThan(0.9);
            assertThat(f.reading()).contains("serialised");
        });
    }

    private Path oneFork(String name, double score) throws Exception {
        return Files.writeString(tmp.resolve(name), "[{\"benchmark\":\"a.B.run\",\"mode\":\"thrpt\",\"threads\":1,"
                + "\"params\":{\"model\":\"X\",\"workers\":\"1\"},\"primaryMetric\":{\"score\":" + score
                + ",\"scoreError\":0.1,\"scoreUnit\":\"ops/s\",\"rawData\":[[" + score + "]]}}]");
    }
}
