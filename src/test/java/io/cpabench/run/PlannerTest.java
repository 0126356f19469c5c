package io.cpabench.run;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class PlannerTest {
    private final List<String> notes = new ArrayList<>();

    private List<PlannedRun> plan(String profile, int cores, int jdk, String workers, String... jmh) {
        return new Planner(new ForkJdk(jdk, null), Planner.parseWorkers(workers), new JmhExtras(List.of(jmh)), notes::add)
                .plan(Profiles.load(profile, cores));
    }

    @Test
    void jdk17DropsVirtualThreadsWithOneNote() {
        List<PlannedRun> runs = plan("quick", 2, 17, null);
        assertThat(runs).filteredOn(r -> r.params().containsKey("model"))
                .allSatisfy(r -> assertThat(r.params().get("model")).doesNotContain("VIRTUAL_THREADS"));
        // the cpu group's six JDK 17 models: five at the shared warm-up, MULTI_INTERPRETER at its own
        assertThat(runs.get(0).params().get("model")).hasSize(5);
        assertThat(runs.get(1).params().get("model")).containsExactly("MULTI_INTERPRETER");
        assertThat(notes).containsExactly("skipped VIRTUAL_THREADS: needs JDK 21+, forks run JDK 17");
        // only the SCALAR SIMD rows' forks get a flag: C2's auto-vectorisation off
        assertThat(runs).allSatisfy(r -> assertThat(r.jvmArgs()).isSubsetOf("-XX:-UseSuperWord"));
    }

    @Test
    void jdk25KeepsVirtualThreadsAndAddsTheUnsafeFlag() {
        List<PlannedRun> runs = plan("quick", 2, 25, null);
        assertThat(runs).filteredOn(r -> r.params().containsKey("model"))
                .filteredOn(r -> !r.params().get("model").equals(List.of("MULTI_INTERPRETER")))
                .allSatisfy(r -> assertThat(r.params().get("model")).contains("VIRTUAL_THREADS"));
        assertThat(notes).isEmpty();
        assertThat(runs).allSatisfy(r -> assertThat(r.jvmArgs()).contains("--sun-misc-unsafe-memory-access=allow"));
    }

    @Test
    void onlyVirtualThreadsOnJdk17LeavesNothingToRun() {
        assertThat(plan("quick", 2, 17, null, "-p", "model=VIRTUAL_THREADS")).isEmpty();
        assertThat(notes).containsExactly("-p: skipped groups simd (no model), simd-scalar (no model): a -p runs only the groups "
                + "whose benchmark has that parameter", "skipped VIRTUAL_THREADS: needs JDK 21+, forks run JDK 17");
    }

    @Test
    void aParameterFilterDropsTheGroupsWhoseBenchmarkLacksIt() {
        // quick's SIMD groups have no model: -p model=X runs model X and nothing else, as before they came
        List<PlannedRun> runs = plan("quick", 2, 25, null, "-p", "model=FORK_JOIN");
        assertThat(runs).isNotEmpty().allSatisfy(r -> assertThat(r.params().get("model")).containsExactly("FORK_JOIN"));
        assertThat(runs).noneSatisfy(r -> assertThat(r.include()).contains("SimdBenchmark"));
        // and the other way round: -p kernel=… runs the SIMD groups only
        notes.clear();
        List<PlannedRun> simd = plan("quick", 2, 25, null, "-p", "kernel=VECTOR_API");
        assertThat(simd).isNotEmpty().allSatisfy(r -> {
            assertThat(r.include()).contains("SimdBenchmark");
            assertThat(r.params().get("kernel")).containsExactly("VECTOR_API");
        });
        assertThat(notes).singleElement().asString().startsWith("-p: skipped groups cpu (no kernel), io-sleep (no kernel)");
    }

    @Test
    void filtersNoGroupHasTogetherAreRefused() {
        assertThatThrownBy(() -> plan("quick", 2, 25, null, "-p", "model=FORK_JOIN", "-p", "kernel=SCALAR"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("-p model, kernel: no group of profile 'quick' has all of them (a -p runs only the groups whose "
                        + "benchmark has that parameter)");
    }

    @Test
    void quickFitsFiveMinutesOnTwoCores() {
        double seconds = plan("quick", 2, 25, null).stream().mapToDouble(PlannedRun::estimatedSeconds).sum();
        assertThat(seconds).isLessThanOrEqualTo(300);
        assertThat(plan("quick", 2, 25, null).stream().mapToInt(r -> r.combinations().size()).sum()).isEqualTo(7 + 6 + 10 + 8 + 4 + 10);
    }

    @Test
    void workersOptionReplacesEveryGroupsWorkers() {
        List<PlannedRun> runs = plan("quick", 2, 25, "1,2,4");
        // LoopLatencyBenchmark sizes each model as a server itself: its group plans no workers
        assertThat(runs).filteredOn(r -> r.params().containsKey("workers"))
                .hasSize(7).allSatisfy(r -> assertThat(r.params().get("workers")).containsExactly("1", "2", "4"));
        assertThat(runs.get(0).combinations()).hasSize(6 * 3);
    }

    @Test
    void slowWarmingModelsRunLastInTheirGroupWithTheirOwnWarmup() {
        List<PlannedRun> runs = plan("quick", 2, 25, null);
        PlannedRun cpu = runs.get(0);
        PlannedRun mi = runs.get(1);
        assertThat(cpu.group()).isEqualTo(mi.group()).isEqualTo("cpu");
        assertThat(cpu.params().get("model")).doesNotContain("MULTI_INTERPRETER").hasSize(6);
        assertThat(cpu.warmupIterations()).isEqualTo(2);
        assertThat(mi.params().get("model")).containsExactly("MULTI_INTERPRETER");
        assertThat(mi.warmupIterations()).isEqualTo(6);
        assertThat(mi.warmupTime()).isEqualTo("1s");
        assertThat(mi.params().get("workload")).isEqualTo(cpu.params().get("workload"));
        assertThat(mi.measurementIterations()).isEqualTo(cpu.measurementIterations());
    }

    @Test
    void theUsersModelsAndWarmupDecideWhetherAGroupSplits() {
        List<PlannedRun> noSlow = plan("quick", 2, 25, null, "-p", "model=FORK_JOIN");
        assertThat(noSlow).allSatisfy(r -> assertThat(r.params().get("model")).containsExactly("FORK_JOIN"));
        assertThat(noSlow).extracting(PlannedRun::group).doesNotHaveDuplicates();

        List<PlannedRun> onlySlow = plan("quick", 2, 25, null, "-p", "model=multi_interpreter");
        assertThat(onlySlow).filteredOn(r -> r.group().equals("cpu")).singleElement()
                .satisfies(r -> assertThat(r.warmupIterations()).isEqualTo(6));

        List<PlannedRun> userWarmup = plan("quick", 2, 25, null, "-wi", "3");
        assertThat(userWarmup).filteredOn(r -> r.group().equals("cpu")).singleElement()
                .satisfies(r -> assertThat(r.warmupIterations()).isEqualTo(3));
    }

    @Test
    void badWorkersNameTheValidForm() {
        for (String bad : new String[] {"0", "-1", "x", "1,,2", "2.5"}) {
            assertThatThrownBy(() -> Planner.parseWorkers(bad)).as(bad)
                    .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("positive integers");
        }
    }

    @Test
    void userParamsWinAndAreCanonicalised() {
        List<PlannedRun> runs = plan("quick", 2, 25, null, "-p", "model=gil_threads,Fork_Join", "-p", "cpuSize=5000");
        assertThat(runs).allSatisfy(r -> assertThat(r.params().get("model")).containsExactly("GIL_THREADS", "FORK_JOIN"));
        assertThat(runs.get(0).params().get("cpuSize")).containsExactly("5000");
        // cpuSize was not planned by the profile: passed to JMH, not checked for in the results
        assertThat(runs.get(0).combinations().get(0)).doesNotContainKey("cpuSize").containsKeys("model", "workload");
    }

    @Test
    void unknownModelOrWorkloadListsTheValidOnes() {
        assertThatThrownBy(() -> plan("quick", 2, 25, null, "-p", "model=GREEN_THREADS"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("unknown model 'GREEN_THREADS'").hasMessageContaining("GIL_EVENT_LOOP_OFFLOAD");
        assertThatThrownBy(() -> plan("quick", 2, 25, null, "-p", "workload=DISK"))
                .hasMessageContaining("unknown workload 'DISK'").hasMessageContaining("IO_SOCKET");
        Profile bad = Profiles.parse("{\"groups\":[{\"include\":\"X\",\"params\":{\"model\":[\"SEQUENTIAL\",\"NOPE\"]}}]}", "b", 2);
        assertThatThrownBy(() -> new Planner(new ForkJdk(25, null), List.of(), new JmhExtras(List.of()), notes::add).plan(bad))
                .hasMessageContaining("unknown model 'NOPE'");
    }

    @Test
    void aBacklogGroupRunsWithoutTheModelsWhoseThreadsCannotBeHeld() {
        List<PlannedRun> runs = plan("quick", 2, 25, null, "-p", "regime=BACKLOG");
        assertThat(runs).filteredOn(r -> r.group().equals("dispatch")).isNotEmpty()
                .allSatisfy(r -> assertThat(r.params().get("model")).doesNotContain("VIRTUAL_THREADS"))
                .anySatisfy(r -> assertThat(r.params().get("model")).contains("EVENT_LOOP"));
        assertThat(notes).contains("skipped VIRTUAL_THREADS in group 'dispatch': regime BACKLOG cannot hold its threads");
        notes.clear();
        // a group of virtual threads alone has nothing left to run as a backlog
        assertThat(plan("quick", 2, 25, null, "-p", "regime=BACKLOG", "-p", "model=VIRTUAL_THREADS")).isEmpty();
        // both regimes in one group would run virtual threads as a backlog: refused before anything runs
        assertThatThrownBy(() -> plan("quick", 2, 25, null, "-p", "regime=BURST,BACKLOG"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("regime BACKLOG cannot hold the threads of VIRTUAL_THREADS")
                .hasMessageContaining("valid regimes: BURST, BACKLOG");
        // on JDK 17 the JDK already dropped them: nothing more to say
        notes.clear();
        plan("quick", 2, 17, null, "-p", "regime=BURST,BACKLOG");
        assertThat(notes).contains("skipped VIRTUAL_THREADS: needs JDK 21+, forks run JDK 17")
                .noneMatch(n -> n.contains("cannot hold"));
    }

    @Test
    void jmhOptionsOverrideTheProfile() {
        List<PlannedRun> runs = plan("smoke", 2, 17, null, "-f", "3", "-wi", "2", "-w", "200ms", "-i", "5", "-r", "2s",
                "-t", "4", "-foe", "false", "-jvmArgsPrepend", "-Xmx1g");
        assertThat(runs).allSatisfy(r -> {
            assertThat(r.forks()).isEqualTo(3);
            assertThat(r.warmupIterations()).isEqualTo(2);
            assertThat(r.measurementIterations()).isEqualTo(5);
            assertThat(r.threads()).isEqualTo(4);
            assertThat(r.failOnError()).isFalse();
            // the user's flags come first; a group's own (simd-scalar's -XX:-UseSuperWord) follow
            assertThat(r.jvmArgs()).startsWith("-Xmx1g");
            assertThat(org.openjdk.jmh.runner.options.TimeValue.fromString(r.measurementTime()).getTime()).isEqualTo(2);
        });
        // -t replaces the thread sweep, so each group runs once
        assertThat(runs).hasSize(9);
        assertThat(runs.stream().filter(r -> r.group().equals("simd-scalar")).findFirst().orElseThrow().jvmArgs())
                .containsExactly("-Xmx1g", "-XX:-UseSuperWord");
    }

    @Test
    void threadSweepBecomesOneRunPerThreadCount() {
        List<PlannedRun> runs = plan("smoke", 2, 25, null);
        assertThat(runs).filteredOn(r -> r.group().equals("threads")).extracting(PlannedRun::threads).containsExactly(1, 2);
        assertThat(runs).allSatisfy(r -> assertThat(r.failOnError()).isTrue());
    }
}
