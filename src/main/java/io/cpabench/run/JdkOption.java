package io.cpabench.run;

import io.cpabench.results.ResultPaths;
import io.cpabench.workload.CpuScale;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * {@code --jdk LABEL=JAVA} and {@code --jdk-args LABEL="ARGS"}, repeatable: the JDK configurations to
 * run the same plan's forks on. A label starts with the JDK's major and may carry a suffix
 * ({@code 25-zgc}); the major is checked against what the binary says it is, because a result set
 * filed under jdk17/ that ran on 25 would poison every later comparison. The same java under two
 * labels is allowed: that is an A/A run through the cross-JDK path, or a flag's effect with --jdk-args.
 */
public final class JdkOption {
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
    public static List<ForkJdk> resolve(List<String> specs, List<String> argSpecs, Optional<String> jmhJvm) {
        if (!specs.isEmpty() && jmhJvm.isPresent()) {
            throw new IllegalArgumentException("give the forks' java either with --jdk or with -jvm after --, not both");
        }
        if (specs.isEmpty()) {
            ForkJdk plain = ForkJdk.of(jmhJvm.orElse(null));
            List<String> a = args(argSpecs, Set.of(plain.label())).getOrDefault(plain.label(), List.of());
            return List.of(a.isEmpty() ? plain : withArgs(plain, a));
        }
        Map<String, Spec> byLabel = new LinkedHashMap<>();
        for (String text : specs) {
            Spec spec = Spec.parse(text);
            if (byLabel.put(spec.label(), spec) != null) {
                throw new IllegalArgumentException("--jdk " + spec.label() + " is given twice; each label gets one result set"
                        + " (give the same java two labels, e.g. 25-a and 25-b, to run it twice)");
            }
        }
        Map<String, List<String>> args = args(argSpecs, byLabel.keySet());
        return byLabel.values().stream().map(s -> s.verified(args.getOrDefault(s.label(), List.of()))).toList();
    }

    /** One --jdk LABEL=JAVA, parsed and its file checked; the java is only started by {@link #verified}. */
    private record Spec(String text, String label, int major, Path java) {
        static Spec parse(String text) {
            Matcher m = SPEC.matcher(text.trim());
            if (!m.matches()) {
                throw new IllegalArgumentException("bad --jdk '" + text + "'; expected " + FORMAT
                        + ", e.g. 17=/usr/lib/jvm/java-17-openjdk-amd64/bin/java");
            }
            Path java = Path.of(m.group(3));
            if (!Files.isRegularFile(java) || !Files.isExecutable(java)) {
                throw new IllegalArgumentException("--jdk " + text + ": " + java + (Files.isDirectory(java)
                        ? " is a directory; give its bin/java" : Files.exists(java) ? " is not executable" : " does not exist"));
            }
            return new Spec(text, m.group(1), Integer.parseInt(m.group(2)), java);
        }

        /**
         * The configuration, after one start of its java with its options, which says both its major and
         * that it accepts them. Only when that start fails is the java started bare, to tell which was wrong.
         */
        ForkJdk verified(List<String> args) {
            int actual;
            try {
                actual = ForkJdk.probe(java.toString(), args);
            } catch (IllegalArgumentException e) {
                if (args.isEmpty()) {
                    throw notJava(e);
                }
                checkMajor(bareMajor());
                throw new IllegalArgumentException("--jdk-args " + label + ": " + e.getMessage(), e);
            }
            checkMajor(actual);
            return new ForkJdk(actual, java.toString(), label, args);
        }

        private int bareMajor() {
            try {
                return ForkJdk.probe(java.toString());
            } catch (IllegalArgumentException e) {
                throw notJava(e);
            }
        }

        private IllegalArgumentException notJava(IllegalArgumentException e) {
            return new IllegalArgumentException("--jdk " + text + ": not a java executable (" + e.getMessage() + ")", e);
        }

        private void checkMajor(int actual) {
            if (actual != major) {
                throw new IllegalArgumentException("--jdk " + text + ": that java is JDK " + actual + ", not " + major
                        + " (a label starts with the JDK's major)");
            }
        }
    }

    /** --jdk-args LABEL="ARGS": options split at white space, one --jdk-args per label. */
    private static Map<String, List<String>> args(List<String> specs, Set<String> labels) {
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
