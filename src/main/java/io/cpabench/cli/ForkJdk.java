package io.cpabench.cli;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The JDK the benchmark forks run on, which is not always the one running this CLI (JMH's -jvm):
 * it decides whether VIRTUAL_THREADS can run and which JVM flags the forks accept.
 */
public record ForkJdk(int major, String jvm) {
    static final String VIRTUAL_THREADS = "VIRTUAL_THREADS";
    static final String UNSAFE_FLAG = "--sun-misc-unsafe-memory-access=allow";
    private static final Pattern VERSION = Pattern.compile("version \"(\\d+)(?:\\.(\\d+))?[^\"]*\"");

    /** The running JVM, or the {@code java} executable at {@code jvm} when the user passed -jvm. */
    public static ForkJdk of(String jvm) {
        return jvm == null ? new ForkJdk(Runtime.version().feature(), null) : new ForkJdk(probe(jvm), jvm);
    }

    public boolean hasVirtualThreads() {
        return major >= 21;
    }

    /** Models (or cases) the forks can run: virtual threads need JDK 21+ (the jar is built for 17). */
    public List<String> runnableModels(List<String> models) {
        if (hasVirtualThreads()) {
            return models;
        }
        List<String> out = new ArrayList<>(models);
        // VIRTUAL_THREADS, and the VIRTUAL_THREAD_* cases of CancellationBenchmark
        out.removeIf(m -> m.toUpperCase(java.util.Locale.ROOT).startsWith("VIRTUAL_THREAD"));
        return out;
    }

    public String skipMessage() {
        return "skipped VIRTUAL_THREADS: needs JDK 21+, forks run JDK " + major;
    }

    /** JMH uses sun.misc.Unsafe, which JDK 24+ warns about; JDK 17 refuses to start with this flag. */
    public List<String> forkJvmArgs() {
        return major >= 24 ? List.of(UNSAFE_FLAG) : List.of();
    }

    static int probe(String jvm) {
        try {
            Process p = new ProcessBuilder(jvm, "-version").redirectErrorStream(true).start();
            String out;
            try (InputStream in = p.getInputStream()) {
                out = new String(in.readAllBytes(), StandardCharsets.UTF_8);
            }
            if (!p.waitFor(30, TimeUnit.SECONDS)) {
                p.destroyForcibly();
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
