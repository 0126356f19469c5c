package io.cpabench.run;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The interleaving of several JDK configurations' pieces: rounds of fork k of one row, a seeded order inside each. */
class ScheduleTest {
    private static final Profile PROFILE = Profiles.parse("""
            {"name": "tiny", "defaults": {"forks": 3, "warmupIterations": 0, "measurementIterations": 1},
             "groups": [{"name": "cpu", "include": "^io\\\\.cpabench\\\\.bench\\\\.ScalingBenchmark\\\\.run$",
                         "params": {"workload": ["CPU"], "model": ["SEQUENTIAL", "VIRTUAL_THREADS", "FORK_JOIN"], "workers": [2]}},
                        {"name": "dispatch", "include": "^io\\\\.cpabench\\\\.bench\\\\.DispatchBenchmark\\\\.run$", "forks": 5,
                         "params": {"model": ["SEQUENTIAL"], "workers": [2]}}]}
            """, "tiny", 2);

    private static Map<ForkJdk, List<Piece>> pieces(ForkJdk... jdks) {
        Map<ForkJdk, List<Piece>> out = new LinkedHashMap<>();
        for (ForkJdk j : jdks) {
            out.put(j, Piece.split(new Planner(j, List.of(), new JmhExtras(List.of()), n -> {}).plan(PROFILE)));
        }
        return out;
    }

    @Test
    void oneJdkRunsInItsOwnOrder() {
        ForkJdk j = new ForkJdk(25, null);
        Map<ForkJdk, List<Piece>> p = pieces(j);
        assertThat(Schedule.interleave(p, 7)).extracting(Schedule.Slot::piece).containsExactlyElementsOf(p.get(j));
    }

    @Test
    void forkKOfEveryJdkRunsInOneRoundAndEachJdkKeepsItsOwnOrder() {
        ForkJdk a = new ForkJdk(25, "/j", "25-a", List.of());
        ForkJdk b = new ForkJdk(25, "/j", "25-b", List.of("-Dx=1"));
        Map<ForkJdk, List<Piece>> p = pieces(a, b);
        List<Schedule.Slot> order = Schedule.interleave(p, 42);
        assertThat(order).hasSize(2 * p.get(a).size());
        for (int k = 0; k < order.size(); k += 2) {
            Piece x = order.get(k).piece();
            Piece y = order.get(k + 1).piece();
            assertThat(Schedule.row(x)).isEqualTo(Schedule.row(y));
            assertThat(x.fork()).isEqualTo(y.fork());
            assertThat(order.get(k).jdk()).isNotEqualTo(order.get(k + 1).jdk());
        }
        for (ForkJdk j : List.of(a, b)) {
            assertThat(order.stream().filter(s -> s.jdk().equals(j)).map(Schedule.Slot::piece).toList()).containsExactlyElementsOf(p.get(j));
        }
        // neither JDK always goes first: the seed shuffles each round
        List<ForkTarget> firsts = new ArrayList<>();
        for (int k = 0; k < order.size(); k += 2) {
            firsts.add(order.get(k).jdk());
        }
        assertThat(firsts).contains(a, b);
    }

    @Test
    void theSeedDecidesTheOrderAndTheSameSeedGivesTheSameOrder() {
        Map<ForkJdk, List<Piece>> p = pieces(new ForkJdk(25, "/j", "25-a", List.of()), new ForkJdk(25, "/j", "25-b", List.of()));
        assertThat(Schedule.interleave(p, 1)).isEqualTo(Schedule.interleave(p, 1));
        assertThat(Schedule.interleave(p, 1)).isNotEqualTo(Schedule.interleave(p, 2));
    }

    @Test
    void aRowOnlyOneJdkHasRunsInTheRoundOfItsPlace() {
        ForkJdk j17 = new ForkJdk(17, "/j17");
        ForkJdk j25 = new ForkJdk(25, "/j25");
        Map<ForkJdk, List<Piece>> p = pieces(j17, j25);
        List<Schedule.Slot> order = Schedule.interleave(p, 3);
        // JDK 17 skips VIRTUAL_THREADS: its 3 pieces run alone, each between the rows it sits between on 25
        assertThat(order).hasSize(p.get(j17).size() + p.get(j25).size());
        List<String> rows = order.stream().map(s -> Schedule.row(s.piece()).replaceAll(".*model=(\\w+).*", "$1")).toList();
        int vt = rows.indexOf("VIRTUAL_THREADS");
        assertThat(rows.subList(vt - 2, vt)).containsOnly("SEQUENTIAL");
        assertThat(rows.subList(vt + 1, vt + 3)).containsOnly("FORK_JOIN");
    }
}
