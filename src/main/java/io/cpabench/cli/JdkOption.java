package io.cpabench.cli;

import io.cpabench.results.ResultPaths;
import io.cpabench.workload.CpuScale;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * {@code --jdk LABEL=JAVA} and {@code --jdk-args LABEL="ARGS"}, repeatable: the JDK configurations to
 * run the same plan's forks on. A label starts with the JDK's major and may carry a suffix
 * ({@code 25-zgc}); the major is checked against what the binary says it is, because a result set
 * filed under jdk17/ that ran on 25 would poison every later comparison. The same java under two
 * labels is allowed: that is an A/A run through the cross-JDK path, or a flag's effect with --jdk-args.
 */
final class JdkOption {
    /** A JDK major, then optional suffixes; safe as part of a directory name. */
    static final String LABEL = ResultPaths.JDK_LABEL;
    private static final Pattern SPEC = Pattern.compile("(" + LABEL + ")=(.+)");
    private static final Pattern ARGS = Pattern.compile("([^=\\s]+)=(.*)", Pattern.DOTALL);
    static final String FORMAT = "LABEL=/path/to/bin/java, LABEL a JDK major with an optional suffix: 17, 25, 25-zgc";

    private JdkOption() {}

    /**
     * The run's JDK configurations: one per --jdk in order (the first is the compare's baseline), else
     * JMH's -jvm, else the running java; each with its --jdk-args, checked by starting the java with them.
     */
    static List<ForkJdk> resolve(List<String> specs, List<String> argSpecs, Optional<String> jmhJvm) {
        if (!specs.isEmpty() && jmhJvm.isPresent()) {
            throw new IllegalArgumentException("give the forks' java either with --jdk or with -jvm after --, not both");
        }
        List<ForkJdk> plain = new ArrayList<>();
        if (specs.isEmpty()) {
            plain.add(ForkJdk.of(jmhJvm.orElse(null)));
        }
        Map<String, ForkJdk> byLabel = new LinkedHashMap<>();
        for (String spec : specs) {
            ForkJdk jdk = verified(spec);
            if (byLabel.put(jdk.label(), jdk) != null) {
                throw new IllegalArgumentException("--jdk " + jdk.label() + " is given twice; each label gets one result set"
                        + " (give the same java two labels, e.g. 25-a and 25-b, to run it twice)");
            }
        }
        plain.forEach(j -> byLabel.put(j.label(), j));
        Map<String, List<String>> args = args(argSpecs, byLabel.keySet());
        List<ForkJdk> out = new ArrayList<>();
        for (ForkJdk jdk : byLabel.values()) {
            List<String> a = args.getOrDefault(jdk.label(), List.of());
            out.add(a.isEmpty() ? jdk : withArgs(jdk, a));
        }
        return out;
    }

    static ForkJdk verified(String spec) {
        Matcher m = SPEC.matcher(spec.trim());
        if (!m.matches()) {
            throw new IllegalArgumentException("bad --jdk '" + spec + "'; expected " + FORMAT
                    + ", e.g. 17=/usr/lib/jvm/java-17-openjdk-amd64/bin/java");
        }
        String label = m.group(1);
        int major = Integer.parseInt(m.group(2));
        Path java = Path.of(m.group(3));
        if (!Files.isRegularFile(java) || !Files.isExecutable(java)) {
            throw new IllegalArgumentException("--jdk " + spec + ": " + java + (Files.isDirectory(java)
                    ? " is a directory; give its bin/java" : Files.exists(java) ? " is not executable" : " does not exist"));
        }
        int actual;
        try {
            actual = ForkJdk.probe(java.toString());
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("--jdk " + spec + ": not a java executable (" + e.getMessage() + ")", e);
        }
        if (actual != major) {
            throw new IllegalArgumentException("--jdk " + spec + ": that java is JDK " + actual + ", not " + major
                    + " (a label starts with the JDK's major)");
        }
        return new ForkJdk(actual, java.toString(), label, List.of());
    }

    /** --jdk-args LABEL="ARGS": options split at white space, one --jdk-args per label. */
    private static Map<String, List<String>> args(List<String> specs, java.util.Set<String> labels) {
        Map<String, List<String>> out = new LinkedHashMap<>();
        for (String spec : specs) {
            Matcher m = ARGS.matcher(spec.trim());
            if (!m.matches()) {
                throw new IllegalArgumentException("bad --jdk-args '" + spec + "'; expected LABEL=\"JVM OPTIONS\", e.g. 25-zgc=\"-XX:+UseZGC\"");
            }
            String label = m.group(1);
            if (!labels.contains(label)) {
                throw new IllegalArgumentException("--jdk-args " + label + ": no such JDK label; valid: " + String.join(", ", labels));
            }
            List<String> args = Arrays.stream(m.group(2).trim().split("\\s+")).filter(a -> !a.isEmpty()).toList();
            if (args.isEmpty()) {
                throw new IllegalArgumentException("--jdk-args " + label + ": no options given");
            }
            args.forEach(JdkOption::checkKnownProperty);
            if (out.put(label, args) != null) {
                throw new IllegalArgumentException("--jdk-args " + label + " is given twice; give all its options in one");
            }
        }
        return out;
    }

    /** The suite's own properties are checked here, so a typo fails the command, not every fork. */
    private static void checkKnownProperty(String arg) {
        String prefix = "-D" + CpuScale.PROPERTY + "=";
        if (arg.startsWith(prefix)) {
            CpuScale.parse(arg.substring(prefix.length()));
        }
    }

    /** The configuration with its own options, after checking that its java starts with them. */
    private static ForkJdk withArgs(ForkJdk jdk, List<String> args) {
        String java = jdk.jvm() != null ? jdk.jvm() : ProcessHandle.current().info().command().orElse("java");
        try {
            ForkJdk.probe(java, args);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("--jdk-args " + jdk.label() + ": " + e.getMessage(), e);
        }
        return new ForkJdk(jdk.major(), jdk.jvm(), jdk.label(), args);
    }
}
