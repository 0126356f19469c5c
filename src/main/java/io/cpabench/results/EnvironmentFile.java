package io.cpabench.results;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;

/**
 * What a result file cannot say about itself: the machine, the profile and whether the numbers may be
 * compared at all. Written beside the result file as {@code <stamp>.env.json}.
 */
public final class EnvironmentFile {
    private EnvironmentFile() {}

    public static String json(String profile, boolean comparable, String runner, int forkJdk, Instant start,
                              Instant end, List<String> failures, List<String> notes) {
        ObjectNode env = JmhJson.MAPPER.createObjectNode();
        env.put("suite", "cpabench");
        String version = EnvironmentFile.class.getPackage().getImplementationVersion();
        env.put("suiteVersion", version != null ? version : "unknown");
        env.put("profile", profile);
        env.put("comparable", comparable);
        env.put("runner", runner);
        env.put("forkJdkMajor", forkJdk);
        env.put("cliJavaVersion", System.getProperty("java.version"));
        env.put("cliJavaVendor", System.getProperty("java.vendor"));
        env.put("cliVm", System.getProperty("java.vm.name"));
        env.put("os", System.getProperty("os.name") + " " + System.getProperty("os.version") + " " + System.getProperty("os.arch"));
        env.put("cpuModel", cpuModel());
        env.put("logicalCores", Runtime.getRuntime().availableProcessors());
        env.put("cgroupCpuMax", firstLine(Path.of("/sys/fs/cgroup/cpu.max")));
        env.put("start", start.toString());
        env.put("end", end.toString());
        ArrayNode f = env.putArray("failed");
        failures.forEach(f::add);
        ArrayNode n = env.putArray("notes");
        notes.forEach(n::add);
        return JmhJson.toJson(env);
    }

    private static String cpuModel() {
        try {
            return Files.readAllLines(Path.of("/proc/cpuinfo")).stream().filter(l -> l.startsWith("model name"))
                    .map(l -> l.substring(l.indexOf(':') + 1).trim()).findFirst().orElse("unknown");
        } catch (IOException | RuntimeException e) {
            return "unknown";
        }
    }

    private static String firstLine(Path p) {
        try {
            return Files.readAllLines(p).stream().findFirst().orElse("");
        } catch (IOException | RuntimeException e) {
            return "";
        }
    }
}
