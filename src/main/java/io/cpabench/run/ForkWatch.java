package io.cpabench.run;

import java.io.IOException;
import java.util.Collection;
import java.util.Optional;
import org.openjdk.jmh.infra.BenchmarkParams;
import org.openjdk.jmh.infra.IterationParams;
import org.openjdk.jmh.results.BenchmarkResult;
import org.openjdk.jmh.results.IterationResult;
import org.openjdk.jmh.results.RunResult;
import org.openjdk.jmh.runner.format.OutputFormat;

/**
 * JMH's output for one piece, passed through unchanged and watched for how its forks ended. With
 * failOnError false JMH only prints a failed fork, so its output is the one place that says whether
 * the fork ever reached the benchmark. JMH 1.37 prints {@code # Fork: k of F} before each fork; the
 * fork itself, through JMH's link, calls {@link #iteration} before each iteration and prints
 * {@code <failure>} and the exception when the benchmark throws; a fork whose JVM exits non-zero gets
 * {@code <forked VM failed with exit code N>} and the tail of its stderr, one that cannot be started
 * at all {@code <failed to invoke the VM, caught IOException: …>}. A fork that failed before its first
 * iteration or failure never ran the benchmark: a JVM option it refused, no memory for its heap.
 */
final class ForkWatch implements OutputFormat {
    private static final int STDERR_LINES = 2;

    private final OutputFormat out;
    // set from JMH's own thread and from its link thread, which replays the fork's calls
    private boolean reached;
    private boolean inFailure;
    private boolean inStderr;
    private String exit;
    private String stderr = "";
    private String notStarted;
    private String failure;

    ForkWatch(OutputFormat out) {
        this.out = out;
    }

    /** Why a fork of this piece never reached the benchmark, if one did not: the piece did not run. */
    synchronized Optional<String> notStarted() {
        if (notStarted == null && exit != null && !reached) {
            notStarted = why();
        }
        return Optional.ofNullable(notStarted);
    }

    /** The benchmark's own failure in one line: its exception, else how its fork's JVM ended. */
    synchronized Optional<String> failure() {
        return Optional.ofNullable(failure != null ? failure : exit != null && reached ? exit : null);
    }

    private synchronized void watch(String line) {
        if (line.startsWith("# Fork: ") || line.startsWith("# Warmup Fork: ")) {
            notStarted();
            reached = false;
            exit = null;
            stderr = "";
        } else if (line.startsWith("<failure")) {
            reached = true;
            inFailure = line.equals("<failure>");
            if (!inFailure && failure == null) {
                // "<failure: VM prematurely exited before JMH had finished with it, explicit System.exit was called?>"
                failure = unbracketed(line);
            }
        } else if (inFailure && !line.isBlank()) {
            inFailure = false;
            if (failure == null) {
                failure = line.lines().findFirst().orElse(line).strip();
            }
        } else if (line.startsWith("<forked VM failed") || line.startsWith("<failed to invoke the VM")) {
            exit = unbracketed(line);
        } else if (line.startsWith("<stderr")) {
            inStderr = exit != null;
        } else if (line.startsWith("</stderr>")) {
            inStderr = false;
        } else if (inStderr && !line.isBlank() && stderr.lines().count() < STDERR_LINES) {
            stderr += line.strip() + "\n";
        }
    }

    private static String unbracketed(String line) {
        return line.substring(1, line.endsWith(">") ? line.length() - 1 : line.length());
    }

    private String why() {
        String invoke = "failed to invoke the VM, caught IOException: ";
        if (exit.startsWith(invoke)) {
            return "its fork's java could not be started: " + exit.substring(invoke.length());
        }
        String said = String.join("; ", stderr.lines().toList());
        return "its fork's JVM did not start, " + exit.replace("forked VM failed with ", "") + (said.isEmpty() ? "" : ": " + said);
    }

    @Override
    public void iteration(BenchmarkParams benchParams, IterationParams params, int iteration) {
        synchronized (this) {
            reached = true;
        }
        out.iteration(benchParams, params, iteration);
    }

    @Override
    public void iterationResult(BenchmarkParams benchParams, IterationParams params, int iteration, IterationResult data) {
        out.iterationResult(benchParams, params, iteration, data);
    }

    @Override
    public void startBenchmark(BenchmarkParams benchParams) {
        out.startBenchmark(benchParams);
    }

    @Override
    public void endBenchmark(BenchmarkResult result) {
        out.endBenchmark(result);
    }

    @Override
    public void startRun() {
        out.startRun();
    }

    @Override
    public void endRun(Collection<RunResult> result) {
        out.endRun(result);
    }

    @Override
    public void print(String s) {
        out.print(s);
    }

    @Override
    public void println(String s) {
        if (s != null) {
            watch(s);
        }
        out.println(s);
    }

    @Override
    public void flush() {
        out.flush();
    }

    @Override
    public void close() {
        out.close();
    }

    @Override
    public void verbosePrintln(String s) {
        out.verbosePrintln(s);
    }

    @Override
    public void write(int b) {
        out.write(b);
    }

    @Override
    public void write(byte[] b) throws IOException {
        out.write(b);
    }
}
