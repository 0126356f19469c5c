package io.cpabench.run;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ProfilesTest {
    @TempDir
    Path tmp;

    @Test
    void quickIsCpuAndIoScalingAtCoresWorkers() {
        Profile quick = Profiles.load("quick", 16);
        assertThat(quick.comparable()).isTrue();
        assertThat(quick.failOnError()).isFalse();
        // the JVM's groups, then the cpython groups, planned only with run --python
        assertThat(quick.groups()).extracting(ProfileGroup::name).containsExactly("cpu", "io-sleep", "dispatch", "simd",
                "simd-scalar", "latency", "cpython-cpu", "cpython-io-sleep", "cpython-native", "cpython-latency");
        ProfileGroup cpu = quick.groups().get(0);
        assertThat(cpu.params().get("workload")).containsExactly("CPU");
        assertThat(cpu.params().get("model")).containsExactly("SEQUENTIAL", "GIL_THREADS", "MULTI_INTERPRETER",
                "PLATFORM_THREADS", "FORK_JOIN", "COMPLETABLE_FUTURE", "VIRTUAL_THREADS");
        assertThat(cpu.params().get("workers")).containsExactly("16");
        assertThat(cpu.params().get("tasks")).containsExactly("64");
        ProfileGroup io = quick.groups().get(1);
        assertThat(io.params().get("model")).containsExactly("SEQUENTIAL", "PLATFORM_THREADS", "GIL_THREADS",
                "EVENT_LOOP", "COMPLETABLE_FUTURE", "VIRTUAL_THREADS");
        assertThat(io.params()).containsEntry("tasks", java.util.List.of("256")).containsEntry("ioMicros", java.util.List.of("1000"));
        assertThat(quick.groups().get(2).params().get("model")).hasSize(10);
        // SIMD lanes beside threads in cache, at one worker and at all of them
        assertThat(quick.groups().get(3).params()).containsEntry("size", java.util.List.of("4096"))
                .containsEntry("workers", java.util.List.of("1", "16"));
        assertThat(quick.groups().get(4).jvmArgs()).containsExactly("-XX:-UseSuperWord");
        // inherited from the profile's defaults
        assertThat(cpu.forks()).isEqualTo(1);
        assertThat(cpu.measurementTime()).isEqualTo("1s");
    }

    @Test
    void smokeIsForCi() {
        Profile smoke = Profiles.load("smoke", 2);
        assertThat(smoke.comparable()).isFalse();
        assertThat(smoke.failOnError()).isTrue();
        ProfileGroup scaling = smoke.groups().get(0);
        assertThat(scaling.params().get("model")).hasSize(10);
        assertThat(scaling.params().get("workload")).hasSize(io.cpabench.workload.Workload.values().length);
        ProfileGroup threads = smoke.groups().stream().filter(g -> g.name().equals("threads")).findFirst().orElseThrow();
        assertThat(threads.threads()).containsExactly(1, 2);
        assertThat(threads.params().get("lock")).containsExactly("NONE", "GIL");
        // both dispatch regimes, so CI runs the hold of every model that has one
        assertThat(smoke.groups()).extracting(ProfileGroup::name).contains("dispatch", "dispatch-backlog");
        assertThat(smoke.groups()).extracting(ProfileGroup::name).contains("latency", "task-latency", "cancellation");
    }

    @Test
    void coresAreSubstitutedAndDuplicatesDropped() {
        assertThat(Profiles.substitute("${cores}", 8)).isEqualTo("8");
        assertThat(Profiles.substitute("${2*cores}", 8)).isEqualTo("16");
        assertThat(Profiles.substitute("${cores*4}", 2)).isEqualTo("8");
        assertThat(Profiles.substitute("-Xmx${cores}g", 3)).isEqualTo("-Xmx3g");
        Profile p = Profiles.parse("{\"groups\":[{\"include\":\"X\",\"params\":{\"workers\":[1,2,\"${cores}\",\"${2*cores}\"]},"
                + "\"threads\":[1,\"${cores}\"]}]}", "t", 2);
        assertThat(p.groups().get(0).params().get("workers")).containsExactly("1", "2", "4");
        assertThat(p.groups().get(0).threads()).containsExactly(1, 2);
    }

    @Test
    void groupsOverrideDefaults() {
        Profile p = Profiles.parse("{\"name\":\"n\",\"defaults\":{\"forks\":3,\"measurementTime\":\"2s\"},"
                + "\"groups\":[{\"include\":\"A\"},{\"include\":\"B\",\"forks\":5}]}", "x", 2);
        assertThat(p.name()).isEqualTo("n");
        assertThat(p.groups()).extracting(ProfileGroup::forks).containsExactly(3, 5);
        assertThat(p.groups()).extracting(ProfileGroup::measurementTime).containsOnly("2s");
        assertThat(p.groups().get(0).threads()).containsExactly(1);
    }

    @Test
    void unknownProfileNamesTheValidOnes() {
        assertThatThrownBy(() -> Profiles.load("nightlyy", 2))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("unknown profile 'nightlyy'")
                .hasMessageContaining("quick").hasMessageContaining("smoke");
    }

    @Test
    void aProfileCanBeAFile() throws Exception {
        Path f = Files.writeString(tmp.resolve("mine.json"), "{\"groups\":[{\"include\":\"Dispatch\"}]}");
        assertThat(Profiles.load(f.toString(), 2).groups().get(0).include()).isEqualTo("Dispatch");
    }

    @Test
    void slowWarmupIsPerModelAndChecked() {
        Profile p = Profiles.parse("{\"defaults\":{\"warmupTime\":\"400ms\"},\"groups\":[{\"include\":\"X\","
                + "\"slowWarmup\":{\"multi_interpreter\":{\"iterations\":6}}}]}", "w", 2);
        assertThat(p.groups().get(0).slowWarmup())
                .containsExactly(java.util.Map.entry("MULTI_INTERPRETER", new ProfileGroup.Warmup(6, "400ms")));
        assertThatThrownBy(() -> Profiles.parse("{\"groups\":[{\"include\":\"X\",\"slowWarmup\":{\"PICKLE\":{}}}]}", "w", 2))
                .hasMessageContaining("slowWarmup").hasMessageContaining("MULTI_INTERPRETER");
        assertThatThrownBy(() -> Profiles.parse(
                        "{\"groups\":[{\"include\":\"X\",\"slowWarmup\":{\"SEQUENTIAL\":{\"iterations\":0}}}]}", "w", 2))
                .hasMessageContaining("at least 1");
        assertThatThrownBy(() -> Profiles.parse(
                        "{\"groups\":[{\"include\":\"X\",\"slowWarmup\":{\"SEQUENTIAL\":{\"time\":\"soon\"}}}]}", "w", 2))
                .hasMessageContaining("'soon'").hasMessageContaining("400ms");
    }

    @Test
    void brokenProfilesFailClearly() {
        assertThatThrownBy(() -> Profiles.parse("{\"groups\":[]}", "e", 2)).hasMessageContaining("no groups");
        assertThatThrownBy(() -> Profiles.parse("{\"groups\":[{}]}", "e", 2)).hasMessageContaining("no include regex");
        assertThatThrownBy(() -> Profiles.parse("{", "e", 2)).hasMessageContaining("not valid JSON");
    }

    @Test
    void everyBundledProfilePassesTheSchemaAndPlansOnEveryJdkAndMachineSize() {
        assertThat(Profiles.names()).contains("full", "nightly", "noise", "quick", "smoke");
        for (String name : Profiles.names()) {
            for (int cores : new int[] {1, 2, 16, 64}) {
                for (int jdk : new int[] {17, 25}) {
                    Profile p = Profiles.load(name, cores);
                    // the plan is checked against the benchmarks' regexes and @Params as it is made
                    assertThat(new Planner(new ForkJdk(jdk, null), List.of(), new JmhExtras(List.of()), n -> {}).plan(p))
                            .as(name + " on " + cores + " cores, JDK " + jdk).isNotEmpty();
                }
            }
        }
    }

    @Test
    void theCpythonGroupsPlanOnlyForAnInterpreterAndAgainstTheHarnesssParameters() {
        for (String name : List.of("quick", "smoke", "full", "nightly")) {
            Profile p = Profiles.load(name, 2);
            List<PlannedRun> jvm = new Planner(new ForkJdk(17, null), List.of(), new JmhExtras(List.of()), n -> {}).plan(p);
            List<PlannedRun> py = new CpythonPlanner(List.of(), new JmhExtras(List.of("-f", "3"))).plan(p);
            assertThat(jvm).as(name).noneMatch(r -> r.group().startsWith("cpython"));
            assertThat(py).as(name).isNotEmpty().allMatch(r -> r.group().startsWith("cpython") && r.forks() == 3
                    && r.include().startsWith("^cpython\\."));
        }
        Profile bad = Profiles.parse("""
                {"name": "b", "groups": [{"name": "cpython-x", "include": "^cpython\\\\.ScalingBenchmark\\\\.run$",
                  "params": {"model": ["GIL_THREADS"]}}]}""", "b", 2);
        assertThatThrownBy(() -> new CpythonPlanner(List.of(), new JmhExtras(List.of())).plan(bad))
                .hasMessage("profile 'b' group 'cpython-x': bad model 'GIL_THREADS' for cpython.ScalingBenchmark.run; valid: SEQUENTIAL,"
                        + " THREADS, PROCESSES, ASYNCIO, ASYNCIO_TO_THREAD");
    }

    @Test
    void theCatalogOfCpythonParametersIsTheHarnesssOwn() throws Exception {
        // what the harness says it takes (python3 -m cpabench_py list), against what the planner checks
        Process p = new ProcessBuilder("python3", "-m", "cpabench_py", "list").directory(new java.io.File("python"))
                .redirectErrorStream(true).start();
        String listed = new String(p.getInputStream().readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
        assertThat(p.waitFor()).as(listed).isZero();
        for (var b : CpythonPlanner.CATALOG.entrySet()) {
            assertThat(listed).contains("(" + b.getKey() + ")");
            String section = listed.substring(listed.indexOf("(" + b.getKey() + ")"));
            int next = section.indexOf("\n", section.indexOf("\n") + 1);
            b.getValue().forEach((k, values) -> {
                assertThat(section).contains("-p " + k + "=");
                if (values != null) {
                    assertThat(section).contains("(" + String.join("|", values) + ")");
                }
            });
            assertThat(next).isPositive();
        }
    }

    @Test
    void placeholdersAreValidValuesWhereverAValueIs() {
        Profile p = Profiles.parse("{\"groups\":[{\"include\":\"X\",\"threads\":[\"${powers of 2 up to cores}\"],"
                + "\"params\":{\"rate\":[\"${250*cores}\"],\"workers\":\"${cores}\"}}]}", "x", 4);
        assertThat(p.groups().get(0).threads()).containsExactly(1, 2, 4);
        assertThat(p.groups().get(0).params()).containsEntry("rate", List.of("1000")).containsEntry("workers", List.of("4"));
    }

    @Test
    void workerSweepsSizeThemselvesToTheMachine() {
        assertThat(Profiles.expand("${powers of 2 up to 2*cores}", 2)).containsExactly("1", "2", "4");
        assertThat(Profiles.expand("${powers of 2 up to 2*cores}", 16))
                .containsExactly("1", "2", "4", "8", "16", "32");
        assertThat(Profiles.expand("${powers of 2 up to 2*cores}", 6))
                .containsExactly("1", "2", "4", "6", "8", "12");
        assertThat(Profiles.expand("${powers of 2 up to cores}", 1)).containsExactly("1");
        assertThat(Profiles.expand("${cores}", 6)).containsExactly("6");
    }

    @Test
    void allModelsAndAllWorkloadsAreEveryConstantInOrder() {
        Profile p = Profiles.parse("{\"groups\":[{\"include\":\"X\",\"params\":{\"model\":[\"${all models}\"],"
                + "\"workload\":\"${all workloads}\"}}]}", "x", 2);
        assertThat(p.groups().get(0).params().get("model"))
                .containsExactlyElementsOf(java.util.Arrays.stream(io.cpabench.model.ExecutionModel.values()).map(Enum::name).toList());
        assertThat(p.groups().get(0).params().get("workload"))
                .containsExactlyElementsOf(java.util.Arrays.stream(io.cpabench.workload.Workload.values()).map(Enum::name).toList());
    }
}
