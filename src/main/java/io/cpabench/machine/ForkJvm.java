package io.cpabench.machine;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.InputStream;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * The JVM the forks ran on, per distinct set of fork flags: benchmarks carry their own
 * {@code @Fork(jvmArgsAppend)}, so one run can have forks with different heaps and hence, through
 * ergonomics, different collectors. Each set is probed once by starting {@link ForkProbe} with exactly
 * those flags; JMH's result rows say which flags each benchmark's forks got.
 */
public final class ForkJvm {
    private static final int MAX_PROBES = 6;
    private static final long PROBE_SECONDS = 60;

    /** One flag set: the benchmarks whose forks used it and what the probe JVM reported. */
    public record Config(List<String> benchmarks, List<String> jvmArgs, Map<String, String> facts, String error) {}

    private ForkJvm() {}

    /** @param java the forks' java executable */
    public static List<Config> probe(String java, List<JsonNode> rows) {
        Map<List<String>, List<String>> byArgs = new LinkedHashMap<>();
        for (JsonNode r : rows) {
            List<String> args = new ArrayList<>();
            r.path("jvmArgs").forEach(a -> args.add(a.asText()));
            List<String> names = byArgs.computeIfAbsent(args, k -> new ArrayList<>());
            String b = r.path("benchmark").asText();
            if (!names.contains(b)) {
                names.add(b);
            }
        }
        if (byArgs.isEmpty()) {
            byArgs.put(List.of(), List.of());
        }
        List<Config> out = new ArrayList<>();
        for (Map.Entry<List<String>, List<String>> e : byArgs.entrySet()) {
            if (out.size() == MAX_PROBES) {
                out.add(new Config(e.getValue(), e.getKey(), Map.of(), "not probed: more than " + MAX_PROBES + " flag sets"));
                continue;
            }
            out.add(run(java, e.getKey(), e.getValue()));
        }
        return out;
    }

    /** The java the forks use when no -jvm/--jdk is given: JMH's own default. */
    public static String defaultJava() {
        return Path.of(System.getProperty("java.home"), "bin", "java").toString();
    }

    public static Config run(String java, List<String> jvmArgs, List<String> benchmarks) {
        try {
            List<String> cmd = new ArrayList<>();
            cmd.add(java);
            cmd.addAll(jvmArgs);
            cmd.add("-cp");
            cmd.add(classPath());
            cmd.add(ForkProbe.class.getName());
            Process p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
            String text;
            try (InputStream in = p.getInputStream()) {
                text = new String(in.readAllBytes(), StandardCharsets.UTF_8);
            }
            if (!p.waitFor(PROBE_SECONDS, TimeUnit.SECONDS)) {
                p.destroyForcibly();
                return new Config(benchmarks, jvmArgs, Map.of(), "probe timed out");
            }
            Map<String, String> facts = parse(text);
            String error = p.exitValue() == 0 && facts.containsKey("gc") ? null
                    : "probe exited " + p.exitValue() + ": " + text.lines().findFirst().orElse("");
            return new Config(benchmarks, jvmArgs, facts, error);
        } catch (IOException | URISyntaxException | RuntimeException e) {
            return new Config(benchmarks, jvmArgs, Map.of(), "probe failed: " + e.getMessage());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return new Config(benchmarks, jvmArgs, Map.of(), "probe interrupted");
        }
    }

    static Map<String, String> parse(String text) {
        Map<String, String> out = new LinkedHashMap<>();
        // JVM warnings (e.g. a deprecated flag) share the stream; only known keys count.
        text.lines().filter(l -> l.matches("[A-Za-z]+=.*")).forEach(l -> out.put(l.substring(0, l.indexOf('=')), l.substring(l.indexOf('=') + 1)));
        return out;
    }

    private static String classPath() throws URISyntaxException {
        return Path.of(ForkProbe.class.getProtectionDomain().getCodeSource().getLocation().toURI()).toString();
    }
}
