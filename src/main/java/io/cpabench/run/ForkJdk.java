package io.cpabench.run;

import io.cpabench.bench.CancelCase;
import io.cpabench.model.ExecutionModel;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The JDK configuration the benchmark forks run on, which is not always the one running this CLI
 * (JMH's -jvm): a java, its feature release, which decides which models can run (their minJdk) and which
 * JVM flags the forks accept, a label naming its result set ({@code 25}, {@code 25-zgc}) and the JVM
 * options every fork of it gets, so "JDK 25 with and without a flag" is two configurations of one run.
 *
 * @param jvm  the forks' java, or null for the java running this CLI
 * @param args JVM options of this configuration (--jdk-args), before the suite's own
 */
public record ForkJdk(int major, String jvm, String label, List<String> args) implements ForkTarget {
    public static final String UNSAFE_FLAG = "--sun-misc-unsafe-memory-access=allow";
    private static final Pattern VERSION = Pattern.compile("version \"(\\d+)(?:\\.(\\d+))?[^\"]*\"");

    public ForkJdk {
        label = label == null ? String.valueOf(major) : label;
        args = List.copyOf(args);
    }

    /** A configuration labelled by its major alone, with no options of its own. */
    public ForkJdk(int major, String jvm) {
        this(major, jvm, null, List.of());
    }

    /** The running JVM, or the {@code java} executable at {@code jvm} when the user passed -jvm. */
    public static ForkJdk of(String jvm) {
        return jvm == null ? new ForkJdk(Runtime.version().feature(), null) : new ForkJdk(probe(jvm), jvm);
    }

    /**
     * Values of a JDK-gated parameter (a model, or a cancellation case) the forks can run: those whose
     * model needs a newer JDK than the forks' are dropped. Values this build does not know stay, for
     * the planner to reject with the valid names.
     */
    public List<String> runnableModels(List<String> values) {
        return values.stream().filter(v -> minJdk(v) <= major).toList();
    }

    /** What {@link #runnableModels} drops on these forks, said once before the run. */
    public String skipMessage() {
        Map<Integer, List<String>> byJdk = new TreeMap<>();
        for (ExecutionModel m : ExecutionModel.values()) {
            if (m.minJdk() > major) {
                byJdk.computeIfAbsent(m.minJdk(), k -> new ArrayList<>()).add(m.name());
            }
        }
        StringBuilder out = new StringBuilder("skipped ");
        byJdk.forEach((jdk, models) -> out.append(String.join(", ", models)).append(": needs JDK ").append(jdk).append("+, "));
        return out.append("forks run JDK ").append(major).toString();
    }

    private static int minJdk(String value) {
        String name = value.trim().toUpperCase(Locale.ROOT);
        for (ExecutionModel m : ExecutionModel.values()) {
            if (m.name().equals(name)) {
                return m.minJdk();
            }
        }
        for (CancelCase c : CancelCase.values()) {
            if (c.name().equals(name)) {
                return c.minJdk();
            }
        }
        return ExecutionModel.BASE_JDK;
    }

    /**
     * Every fork's extra JVM options: this configuration's own, then the Unsafe flag (JMH uses
     * sun.misc.Unsafe, which JDK 24+ warns about; JDK 17 refuses to start with that flag).
     */
    public List<String> forkJvmArgs() {
        List<String> out = new ArrayList<>(args);
        if (major >= 24) {
            out.add(UNSAFE_FLAG);
        }
        return List.copyOf(out);
    }

    @Override
    public String directoryName() {
        return "jdk" + label;
    }

    @Override
    public String progressName() {
        return "JDK " + label;
    }

    /** "JDK 25-zgc (/path/bin/java -XX:+UseZGC)" for headers and progress lines. */
    @Override
    public String describe() {
        return "JDK " + label + " (" + (jvm != null ? jvm : "this java") + (args.isEmpty() ? "" : " " + String.join(" ", args)) + ")";
    }

    static int probe(String jvm) {
        return probe(jvm, List.of());
    }

    /**
     * The major of {@code jvm} started with {@code args}: a JVM that refuses one of them (a typo in a
     * flag, a GC this build lacks) fails here, before a run, not in every fork of it.
     */
    static int probe(String jvm, List<String> args) {
        try {
            List<String> command = new ArrayList<>();
            command.add(jvm);
            command.addAll(args);
            command.add("-version");
            Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
            String out;
            try (InputStream in = p.getInputStream()) {
                out = new String(in.readAllBytes(), StandardCharsets.UTF_8);
            }
            if (!p.waitFor(30, TimeUnit.SECONDS)) {
                p.destroyForcibly();
                throw new IllegalArgumentException(jvm + " -version did not finish in 30 s");
            }
            if (p.exitValue() != 0 && !args.isEmpty()) {
                throw new IllegalArgumentException("it does not start with " + String.join(" ", args) + ": "
                        + out.lines().filter(l -> !l.isBlank()).findFirst().orElse("exit " + p.exitValue()));
            }
            return parseMajor(out);
        } catch (IOException e) {
            throw new IllegalArgumentException("cannot run " + jvm + ": " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while probing " + jvm, e);
        }
    }

    /** The feature release from {@code java -version} output: "17.0.15" → 17, "1.8.0_392" → 8. */
    static int parseMajor(String versionOutput) {
        Matcher m = VERSION.matcher(versionOutput);
        if (!m.find()) {
            throw new IllegalArgumentException("cannot tell the JDK version from: "
                    + versionOutput.lines().findFirst().orElse("(no output)"));
        }
        int first = Integer.parseInt(m.group(1));
        return first == 1 && m.group(2) != null ? Integer.parseInt(m.group(2)) : first;
    }
}
