package io.cpabench.cli;

import io.cpabench.results.PartsDir;
import java.io.PrintStream;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Ctrl-C or a SIGTERM on a run: a shutdown hook says how far each run in progress got and how to
 * resume it, and stops the JMH forks, which are child processes of the CLI and would otherwise run
 * their benchmark to the end on a machine the user meant to free. The JVM exits with the signal's
 * code as usual (130 for Ctrl-C). The CLI's own exit is no interrupt: {@link #exiting} says so.
 */
final class RunInterrupt {
    private static final Duration GRACE = Duration.ofSeconds(2);
    private static volatile boolean exiting;
    private static volatile boolean started;

    private RunInterrupt() {}

    /** Once, from main: afterwards a signal that ends the JVM runs {@link #onSignal}. */
    static void install() {
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            if (!exiting) {
                onSignal(System.err);
            }
        }, "cpabench-interrupt"));
    }

    /** Main is about to exit by itself. */
    static void exiting() {
        exiting = true;
    }

    /** Whether the JVM is going down on a signal: pieces ending now were cut short, not failed. */
    static boolean started() {
        return started;
    }

    static void onSignal(PrintStream err) {
        started = true;
        lines().forEach(err::println);
        err.flush();
        stopForks(GRACE);
    }

    /** One line per run in progress in this process. */
    static List<String> lines() {
        List<String> out = new ArrayList<>();
        for (PartsDir parts : PartsDir.held()) {
            String of;
            try {
                of = " of " + RunSpec.parse(parts.plan(), parts.path()).pieceIds().size()
                        + (parts.growth().isPresent() ? " planned plus the forks added until precise" : "");
            } catch (RuntimeException e) {
                of = "";
            }
            out.add("interrupted after " + parts.finished() + of + " pieces; resume with: run --resume " + parts.path());
        }
        return out;
    }

    /** Asks every descendant process to stop, then kills those still there after {@code grace}. */
    static void stopForks(Duration grace) {
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
