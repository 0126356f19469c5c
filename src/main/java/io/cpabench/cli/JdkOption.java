package io.cpabench.cli;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * {@code --jdk MAJOR=JAVA}, repeatable: the JDKs to run the same plan's forks on. The label is checked
 * against what the binary says it is, because a result set filed under jdk17/ that ran on 25 would
 * poison every later comparison.
 */
final class JdkOption {
    private static final Pattern SPEC = Pattern.compile("(\\d{1,3})=(.+)");

    private JdkOption() {}

    /** The forks' JDKs: one per --jdk in order, else the -jvm given to JMH, else the running one. */
    static List<ForkJdk> resolve(List<String> specs, Optional<String> jmhJvm) {
        if (specs.isEmpty()) {
            return List.of(ForkJdk.of(jmhJvm.orElse(null)));
        }
        if (jmhJvm.isPresent()) {
            throw new IllegalArgumentException("give the forks' java either with --jdk or with -jvm after --, not both");
        }
        List<ForkJdk> out = new ArrayList<>();
        Set<Integer> seen = new HashSet<>();
        for (String spec : specs) {
            ForkJdk jdk = verified(spec);
            if (!seen.add(jdk.major())) {
                throw new IllegalArgumentException("--jdk " + jdk.major() + " is given twice; each JDK gets one result set");
            }
            out.add(jdk);
        }
        return out;
    }

    static ForkJdk verified(String spec) {
        Matcher m = SPEC.matcher(spec.trim());
        if (!m.matches()) {
            throw new IllegalArgumentException("bad --jdk '" + spec + "'; expected MAJOR=/path/to/bin/java, e.g. 17=/usr/lib/jvm/java-17-openjdk-amd64/bin/java");
        }
        int label = Integer.parseInt(m.group(1));
        Path java = Path.of(m.group(2));
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
        if (actual != label) {
            throw new IllegalArgumentException("--jdk " + spec + ": that java is JDK " + actual + ", not " + label);
        }
        return new ForkJdk(actual, java.toString());
    }
}
