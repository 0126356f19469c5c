package io.cpabench.run;

import io.cpabench.results.PartsDir;
import java.io.PrintStream;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * Ctrl-C or a SIGTERM on a run: a shutdown hook says how far each run in progress got and how to
 * resume it, and stops the JMH forks, which are child processes of the CLI and would otherwise run
 * their benchmark to the end on a machine the user meant to free. The JVM exits with the signal's
 * code as usual (130 for Ctrl-C). The CLI's own exit is no interrupt: {@link #exiting} says so.
 */
public final class RunInterrupt {
    private static final Duration GRACE = Duration.ofSeconds(2);
    private static volatile boolean exiting;
    private static volatile boolean started;

    private RunInterrupt() {}

    /** Once, from main: afterwards a signal that ends the JVM runs {@link #onSignal}. */
    public static void install() {
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            if (!exiting) {
                onSignal(System.err);
            }
        }, "cpabench-interrupt"));
    }

    /** The CLI is about to exit by itself: its own exit is no interrupt. */
    public static void exiting() {
        exiting = true;
    }

    /** Whether the JVM is going down on a signal: pieces ending now were cut short, not failed. */
    public static boolean started() {
        return started;
    }

    static void onSignal(PrintStream err) {
        started = true;
        lines().forEach(err::println);
        err.flush();
        stopForks(GRACE);
    }

    /**
     * One line per run in progress in this process. The configurations of an interleaved run are one
     * run: their parts directories are counted together, and any of them resumes all, so the first
     * (in --jdk order) is named.
     */
    public static List<String> lines() {
        Map<List<Path>, List<Held>> runs = new LinkedHashMap<>();
        for (PartsDir parts : PartsDir.held()) {
            Held h = Held.of(parts);
            runs.computeIfAbsent(h.run(), k -> new ArrayList<>()).add(h);
        }
        List<String> out = new ArrayList<>();
        for (List<Held> run : runs.values()) {
            run.sort(Comparator.comparingInt(Held::order));
            long finished = run.stream().mapToLong(h -> h.parts().finished()).sum();
            String of = run.stream().allMatch(h -> h.pieces() >= 0) ? " of " + run.stream().mapToInt(Held::pieces).sum()
                    + (run.stream().anyMatch(h -> h.parts().growth().isPresent()) ? " planned plus the forks added until precise" : "")
                    : "";
            out.add("interrupted after " + finished + of + " pieces; resume with: run --resume " + run.get(0).parts().path());
        }
        return out;
    }

    /**
     * A held parts directory, with the run it belongs to (a run's configurations have parts directories
     * of one name in one runner directory), its place in the run's --jdk order and its piece count, -1
     * when its plan cannot be read.
     */
    private record Held(PartsDir parts, List<Path> run, int order, int pieces) {
        static Held of(PartsDir parts) {
            List<Path> run = List.of(parts.resultDir().getParent(), parts.path().getFileName());
            try {
                RunSpec spec = RunSpec.parse(parts.plan(), parts.path());
                return new Held(parts, run, spec.jdks().indexOf(spec.jdk()), spec.pieceIds().size());
            } catch (RuntimeException e) {
                return new Held(parts, run, Integer.MAX_VALUE, -1);
            }
        }
    }

    /** Asks every descendant process to stop, then kills those still there after {@code grace}. */
    public static void stopForks(Duration grace) {
        List<ProcessHandle> forks = ProcessHandle.current().descendants().toList();
        forks.forEach(ProcessHandle::destroy);
        long deadline = System.nanoTime() + grace.toNanos();
        for (ProcessHandle p : forks) {
            try {
                p.onExit().get(Math.max(0, deadline - System.nanoTime()), TimeUnit.NANOSECONDS);
            } catch (Exception e) {
                p.destroyForcibly();
            }
        }
    }
}
