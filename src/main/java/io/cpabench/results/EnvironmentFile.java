package io.cpabench.results;

import io.cpabench.machine.BuildInfo;
import io.cpabench.machine.ForkJvm;
import io.cpabench.machine.Machine;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * What a result file cannot say about itself: the machine, the forks' JVM and GC, the suite's build,
 * the profile and whether the numbers may be compared at all. Written beside the result file as
 * {@code <stamp>.env.json}. Every key is always present (but {@link #FORKS_UNTIL_PRECISE}, written
 * only by runs that asked for it); a fact that could not be found is null.
 */
public final class EnvironmentFile {
    /** The key of the {@link PrecisionOutcome}s, present only when a row forked until precise. */
    public static final String FORKS_UNTIL_PRECISE = "forksUntilPrecise";

    private EnvironmentFile() {}

    /** Probes the forks' JVM with the flags recorded in {@code rows} and describes this machine. */
    public static String json(RunInfo run, List<JsonNode> rows) {
        return json(run, Machine.here(), BuildInfo.load(), ForkJvm.probe(run.forkJava(), rows));
    }

    public static String json(RunInfo run, Machine machine, BuildInfo build, List<ForkJvm.Config> forks) {
        ObjectNode env = JmhJson.MAPPER.createObjectNode();
        putRun(env, run, build);

        env.put("cpuModel", machine.cpuModel());
        env.put("cpuSimdFlags", machine.simdFlags());
        env.put("logicalCores", machine.logicalCores());
        env.put("cgroupCpuMax", machine.cgroup().cpuMax());
        env.put("cgroupCpuQuotaCores", machine.cgroup().cpuQuotaCores());
        env.put("cgroupMemoryLimitBytes", machine.cgroup().memoryLimitBytes());
        env.put("memTotalBytes", machine.memTotalBytes());
        env.put("os", machine.os());
        env.put("kernel", machine.kernel());
        env.put("arch", machine.arch());

        env.put("forkJdkMajor", run.forkJdkMajor());
        env.put("jdkLabel", run.jdkLabel());
        ArrayNode args = env.putArray("jdkArgs");
        run.jdkArgs().forEach(args::add);
        env.set("forkJvm", forkJvm(run.forkJava(), forks));
        env.put("cliJavaVersion", System.getProperty("java.version"));
        env.put("cliJavaVendor", System.getProperty("java.vendor"));
        env.put("cliVm", System.getProperty("java.vm.name"));

        putOutcome(env, run);
        return JmhJson.toJson(env);
    }

    /**
     * A CPython interpreter's result set: the harness's environment record ({@code python -m cpabench_py
     * env}: machine, interpreter, build flags, whether the GIL is on), with the run's own facts, under
     * the keys a JDK's file uses, over it: suite, profile, runner, time span, failures, notes, the machine's
     * load and forks until precise.
     */
    public static String cpython(RunInfo run, JsonNode harnessRecord) {
        ObjectNode env = harnessRecord != null && harnessRecord.isObject() ? ((ObjectNode) harnessRecord).deepCopy()
                : JmhJson.MAPPER.createObjectNode();
        putRun(env, run, BuildInfo.load());
        env.put("pythonLabel", run.jdkLabel());
        env.put("python", run.forkJava());
        putOutcome(env, run);
        return JmhJson.toJson(env);
    }

    /** What the run was, the same keys for a JDK's set and an interpreter's. */
    private static void putRun(ObjectNode env, RunInfo run, BuildInfo build) {
        env.put("suite", "cpabench");
        env.put("suiteVersion", build.version());
        env.put("suiteCommit", build.commit());
        env.put("suiteCommitDirty", build.dirty());
        env.put("profile", run.profile());
        env.put("comparable", run.comparable());
        env.put("runner", run.runner());
        env.put("start", run.start().toString());
        env.put("end", run.end().toString());
    }

    /** How the run went: failures, notes, the machine's load and, where asked for, forks until precise. */
    private static void putOutcome(ObjectNode env, RunInfo run) {
        ArrayNode f = env.putArray("failed");
        run.failures().forEach(f::add);
        ArrayNode n = env.putArray("notes");
        run.notes().forEach(n::add);
        env.set("machineLoad", run.load() == null ? null : run.load().toJson());
        if (!run.precision().isEmpty()) {
            // only in runs that asked for it: the file of a run without forks until precise stays as it was
            ArrayNode p = env.putArray(FORKS_UNTIL_PRECISE);
            run.precision().forEach(r -> p.add(r.toJson()));
        }
    }

    /**
     * The forks' JVM: identity from the first probe that answered (all use the same java), the GC
     * per flag set, and a summary "gc" that names every collector seen, so a mixed run is visible.
     */
    private static ObjectNode forkJvm(String java, List<ForkJvm.Config> forks) {
        ObjectNode jvm = JmhJson.MAPPER.createObjectNode();
        Map<String, String> first = forks.stream().map(ForkJvm.Config::facts).filter(m -> !m.isEmpty()).findFirst().orElse(Map.of());
        jvm.put("java", java);
        for (String key : List.of("vendor", "version", "runtimeVersion", "vmName", "vmVersion", "javaHome")) {
            jvm.put(key, first.get(key));
        }
        Set<String> gcs = new LinkedHashSet<>();
        forks.forEach(c -> {
            if (c.facts().containsKey("gc")) {
                gcs.add(c.facts().get("gc"));
            }
        });
        jvm.put("gc", gcs.isEmpty() ? null : String.join(", ", gcs));
        ArrayNode configs = jvm.putArray("configs");
        for (ForkJvm.Config c : forks) {
            ObjectNode o = configs.addObject();
            ArrayNode b = o.putArray("benchmarks");
            c.benchmarks().forEach(b::add);
            ArrayNode a = o.putArray("jvmArgs");
            c.jvmArgs().forEach(a::add);
            o.put("gc", c.facts().get("gc"));
            o.put("gcBeans", c.facts().get("gcBeans"));
            ArrayNode in = o.putArray("inputArguments");
            String raw = c.facts().get("inputArguments");
            if (raw != null && !raw.isEmpty()) {
                new ArrayList<>(List.of(raw.split("\u001f"))).forEach(in::add);
            }
            o.put("availableProcessors", integer(c.facts().get("availableProcessors")));
            o.put("maxHeapBytes", integer(c.facts().get("maxHeapBytes")));
            // the vector width these forks saw: C2's limits and the Vector API's preferred species
            o.put("useSuperWord", c.facts().get("useSuperWord"));
            o.put("useAVX", integer(c.facts().get("useAVX")));
            o.put("maxVectorSize", integer(c.facts().get("maxVectorSize")));
            o.put("vectorApiBits", integer(c.facts().get("vectorApiBits")));
            o.put("probeError", c.error());
        }
        return jvm;
    }

    private static Long integer(String s) {
        try {
            return s == null ? null : Long.valueOf(s.trim());
        } catch (NumberFormatException e) {
            return null;
        }
    }
}
