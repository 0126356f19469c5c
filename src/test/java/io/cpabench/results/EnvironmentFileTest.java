package io.cpabench.results;

import io.cpabench.machine.BuildInfo;
import io.cpabench.machine.Cgroup;
import io.cpabench.machine.ForkJvm;
import io.cpabench.machine.Machine;
import io.cpabench.machine.MachineLoad;
import io.cpabench.machine.RunLoad;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Properties;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class EnvironmentFileTest {
    static final List<String> FIELDS = List.of("suite", "suiteVersion", "suiteCommit", "suiteCommitDirty", "profile",
            "comparable", "runner", "start", "end", "cpuModel", "cpuSimdFlags", "logicalCores", "cgroupCpuMax", "cgroupCpuQuotaCores",
            "cgroupMemoryLimitBytes", "memTotalBytes", "os", "kernel", "arch", "forkJdkMajor", "jdkLabel", "jdkArgs", "forkJvm",
            "cliJavaVersion", "cliJavaVendor", "cliVm", "failed", "notes", "machineLoad");

    @TempDir
    Path root;

    private final RunInfo run = new RunInfo("smoke", false, "ci", Runtime.version().feature(), ForkJvm.defaultJava(),
            Runtime.version().feature() + "-x", List.of("-Dcpabench.cpuScale=1.05"), Instant.parse("2025-01-02T03:04:05Z"), Instant.parse("2025-01-02T03:09:05Z"), List.of("x failed"), List.of("a note"),
            new RunLoad(List.of(new MachineLoad("001-a", Instant.parse("2025-01-02T03:04:06Z"), 3, 1, 400)), 2));

    private static JsonNode parse(String json) throws IOException {
        return JmhJson.MAPPER.readTree(json);
    }

    @Test
    void everyFieldIsPresentAndTheForkJvmIsProbedForReal() throws IOException {
        JsonNode row = parse("{\"benchmark\":\"a.B.run\",\"jvmArgs\":[\"-Xmx64m\",\"-XX:+UseSerialGC\"]}");
        JsonNode env = parse(EnvironmentFile.json(run, List.of(row)));
        assertThat(env.fieldNames()).toIterable().containsExactlyInAnyOrderElementsOf(FIELDS);
        assertThat(env.path("start").asText()).isEqualTo("2025-01-02T03:04:05Z");
        assertThat(env.path("jdkLabel").asText()).isEqualTo(Runtime.version().feature() + "-x");
        assertThat(env.path("jdkArgs").get(0).asText()).isEqualTo("-Dcpabench.cpuScale=1.05");
        assertThat(env.path("failed").get(0).asText()).isEqualTo("x failed");
        assertThat(env.path("machineLoad").path("otherShare").asDouble()).isEqualTo(3.0 / 400);
        assertThat(env.path("machineLoad").path("piecesRun").asInt()).isEqualTo(2);
        JsonNode jvm = env.path("forkJvm");
        assertThat(jvm.path("version").asText()).isEqualTo(System.getProperty("java.version"));
        assertThat(jvm.path("vendor").asText()).isNotEmpty();
        // the flag set the row recorded decides the GC, not the test JVM's own
        assertThat(jvm.path("gc").asText()).isEqualTo("Serial");
        JsonNode config = jvm.path("configs").get(0);
        assertThat(config.path("inputArguments").toString()).contains("-XX:+UseSerialGC");
        assertThat(config.path("maxHeapBytes").asLong()).isLessThanOrEqualTo(64L << 20);
        assertThat(config.path("benchmarks").get(0).asText()).isEqualTo("a.B.run");
        assertThat(config.path("probeError").isNull()).isTrue();
        // C2's vector limits as the forks saw them; the Vector API's width only where its module was loaded
        assertThat(config.path("useSuperWord").asText()).isIn("true", "false");
        assertThat(config.path("vectorApiBits").isNull()).isTrue();
    }

    @Test
    void theVectorWidthIsProbedInForksThatLoadTheVectorApi() {
        ForkJvm.Config c = ForkJvm.run(ForkJvm.defaultJava(),
                List.of("--add-modules", "jdk.incubator.vector", "-XX:-UseSuperWord"), List.of("b"));
        assertThat(Integer.parseInt(c.facts().get("vectorApiBits"))).isGreaterThanOrEqualTo(64);
        assertThat(c.facts().get("useSuperWord")).isEqualTo("false");
    }

    @Test
    void simdFlagsAreTheSimdExtensionsOfTheCpuFlags() throws IOException {
        write("proc/cpuinfo", "processor\t: 0\nflags\t\t: fpu sse sse2 ssse3 sse4_1 fma cx16 avx avx2 avx512f avx512_bf16 aes\n");
        assertThat(Machine.simdFlags(root)).isEqualTo("sse sse2 ssse3 sse4_1 fma avx avx2 avx512f avx512_bf16");
        write("proc/cpuinfo", "processor\t: 0\nFeatures\t: fp asimd evtstrm aes sve sve2\n");
        assertThat(Machine.simdFlags(root)).isEqualTo("asimd sve sve2");
    }

    @Test
    void ergonomicsPickSerialOnOneCpuAndG1OnTwoWithEnoughMemory() {
        assertThat(ForkJvm.run(ForkJvm.defaultJava(), List.of("-XX:ActiveProcessorCount=1"), List.of()).facts().get("gc"))
                .isEqualTo("Serial");
        // G1 needs 2+ CPUs and 1792+ MB of physical memory: say so with flags, so the test does not depend on the box
        assertThat(ForkJvm.run(ForkJvm.defaultJava(), List.of("-XX:ActiveProcessorCount=2", "-XX:MaxRAM=4g"), List.of()).facts().get("gc"))
                .isEqualTo("G1");
    }

    @Test
    void aBrokenForkJavaIsRecordedNotThrown() {
        ForkJvm.Config c = ForkJvm.run(root.resolve("no-java").toString(), List.of(), List.of("b"));
        assertThat(c.error()).startsWith("probe failed");
        assertThat(c.facts()).isEmpty();
    }

    @Test
    void missingProcAndCgroupFilesGiveNulls() throws IOException {
        Machine m = Machine.read(root, 3, "Linux 6.1.0", "amd64");
        assertThat(m.cpuModel()).isNull();
        assertThat(m.memTotalBytes()).isNull();
        assertThat(m.cgroup()).isEqualTo(new Cgroup(null, null, null));
        assertThat(m.kernel()).isEqualTo("Linux 6.1.0");
        JsonNode env = parse(EnvironmentFile.json(run, m, BuildInfo.of(new Properties()), List.of()));
        assertThat(env.fieldNames()).toIterable().containsExactlyInAnyOrderElementsOf(FIELDS);
        for (String f : List.of("cpuModel", "cpuSimdFlags", "cgroupCpuMax", "cgroupCpuQuotaCores", "cgroupMemoryLimitBytes", "memTotalBytes",
                "suiteCommitDirty")) {
            assertThat(env.get(f).isNull()).as(f).isTrue();
        }
        assertThat(env.path("suiteCommit").asText()).isEqualTo("unknown");
        assertThat(env.path("forkJvm").path("gc").isNull()).isTrue();
    }

    @Test
    void cgroupV2LimitsInOwnCgroup() throws IOException {
        write("proc/self/cgroup", "0::/box\n");
        write("sys/fs/cgroup/box/cpu.max", "150000 100000\n");
        write("sys/fs/cgroup/box/memory.max", "2147483648\n");
        write("proc/meminfo", "MemTotal:       24684092 kB\nMemFree: 1 kB\n");
        write("proc/cpuinfo", "processor\t: 0\nmodel name\t: Test CPU @ 3.0GHz\n");
        write("proc/sys/kernel/osrelease", "6.8.0-test\n");
        write("etc/os-release", "NAME=x\nPRETTY_NAME=\"Debian GNU/Linux 12 (bookworm)\"\n");
        Machine m = Machine.read(root, 2, "Linux 1", "amd64");
        assertThat(m.cgroup()).isEqualTo(new Cgroup("150000 100000", 1.5, 2147483648L));
        assertThat(m.memTotalBytes()).isEqualTo(24684092L * 1024);
        assertThat(m.cpuModel()).isEqualTo("Test CPU @ 3.0GHz");
        assertThat(m.kernel()).isEqualTo("Linux 6.8.0-test");
        assertThat(m.os()).isEqualTo("Debian GNU/Linux 12 (bookworm)");
    }

    @Test
    void cgroupV2WithoutLimits() throws IOException {
        write("sys/fs/cgroup/cpu.max", "max 100000\n");
        write("sys/fs/cgroup/memory.max", "max\n");
        assertThat(Cgroup.read(root)).isEqualTo(new Cgroup("max 100000", null, null));
    }

    @Test
    void cgroupV1FallbackTreatsHugeLimitsAsNone() throws IOException {
        write("proc/self/cgroup", "4:memory:/job/7\n1:cpu,cpuacct:/\n");
        write("sys/fs/cgroup/cpu/cpu.cfs_quota_us", "-1\n");
        write("sys/fs/cgroup/cpu/cpu.cfs_period_us", "100000\n");
        write("sys/fs/cgroup/memory/memory.limit_in_bytes", "9223372036854771712\n");
        assertThat(Cgroup.read(root)).isEqualTo(new Cgroup("-1 100000", null, null));
        write("sys/fs/cgroup/cpu/cpu.cfs_quota_us", "400000\n");
        write("sys/fs/cgroup/memory/job/7/memory.limit_in_bytes", "1073741824\n");
        assertThat(Cgroup.read(root)).isEqualTo(new Cgroup("400000 100000", 4.0, 1073741824L));
    }

    @Test
    void buildInfoUnfilteredMeansUnknown() {
        Properties p = new Properties();
        p.setProperty("version", "0.1.0");
        p.setProperty("commit", "${git.commit.id.full}");
        p.setProperty("dirty", "${git.dirty}");
        assertThat(BuildInfo.of(p)).isEqualTo(new BuildInfo("0.1.0", "unknown", null));
        p.setProperty("commit", "abc123");
        p.setProperty("dirty", "true");
        assertThat(BuildInfo.of(p)).isEqualTo(new BuildInfo("0.1.0", "abc123", true));
    }

    @Test
    void thisBuildBakedItsVersion() {
        assertThat(BuildInfo.load().version()).isNotEqualTo("unknown").doesNotContain("${");
    }

    private void write(String rel, String text) throws IOException {
        Path p = root.resolve(rel);
        Files.createDirectories(p.getParent());
        Files.writeString(p, text);
    }
}
