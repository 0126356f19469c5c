package io.cpabench.run;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;

/**
 * Runs one CPython piece (one fork of one row) through the harness: {@code python -m cpabench_py run}
 * with the row's parameters and sample sizes, its JMH-format JSON written where a JMH piece's would be.
 * The harness's exit code says whose failure it was: 1 is the benchmark's own (filed as a failed piece,
 * with the harness's last line on stderr), an interpreter that cannot start or a run cut short by a
 * signal is not (the piece stays missing, for {@code run --resume}).
 */
final class PythonPieceRunner implements PieceRunner {
    /** The harness's exit code for a failed fork. */
    static final int BENCHMARK_FAILED = 1;
    private final ForkPython python;
    private final PrintStream err;

    PythonPieceRunner(ForkPython python, PrintStream err) {
        this.python = python;
        this.err = err;
    }

    @Override
    public PieceOutcome run(PlannedRun piece, Path json) {
        Path env = json.resolveSibling(json.getFileName() + ".env");
        try {
            Files.deleteIfExists(json);
            Process p = CpythonHarness.command(python.python(), args(piece, json, env)).redirectOutput(ProcessBuilder.Redirect.INHERIT)
                    .start();
            p.getOutputStream().close();
            AtomicReference<String> last = new AtomicReference<>("");
            // the harness's stderr goes on to ours, and its last line is the failure's reason
            Thread copier = new Thread(() -> {
                try (BufferedReader r = new BufferedReader(new InputStreamReader(p.getErrorStream(), StandardCharsets.UTF_8))) {
                    for (String line; (line = r.readLine()) != null; ) {
                        err.println(line);
                        if (!line.isBlank()) {
                            last.set(line.strip());
                        }
                    }
                } catch (IOException e) {
                    // the process went; what it said so far stands
                }
            }, "cpabench-python-stderr");
            copier.setDaemon(true);
            copier.start();
            int exit = p.waitFor();
            copier.join(TimeUnit.SECONDS.toMillis(5));
            if (RunInterrupt.started()) {
                return new PieceOutcome(json, Optional.of("interrupted"), true);
            }
            if (exit == 0) {
                return new PieceOutcome(json, Optional.empty());
            }
            String why = last.get().isEmpty() ? python.label() + " exited " + exit : last.get();
            // 1: a fork failed (the benchmark's); anything else (a signal, a crash of the interpreter) is not the row's
            return new PieceOutcome(json, Optional.of(why), exit != BENCHMARK_FAILED);
        } catch (IOException e) {
            return new PieceOutcome(json, Optional.of("its python could not be started: " + e.getMessage()), true);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return new PieceOutcome(json, Optional.of("interrupted"), true);
        } finally {
            try {
                Files.deleteIfExists(env);
            } catch (IOException e) {
                // scratch beside the piece; the parts directory goes at the end
            }
        }
    }

    /** The harness's command line for one fork of one row. */
    static List<String> args(PlannedRun piece, Path json, Path env) {
        List<String> a = new ArrayList<>(List.of("run", "--benchmark", CpythonPlanner.benchmarkOf(piece)));
        for (Map.Entry<String, List<String>> p : piece.params().entrySet()) {
            a.add("-p");
            a.add(p.getKey() + "=" + String.join(",", p.getValue()));
        }
        a.addAll(List.of("--forks", String.valueOf(Math.max(1, piece.forks())),
                "--warmup-iterations", String.valueOf(piece.warmupIterations()), "--warmup-time", millis(piece.warmupTime()),
                "--iterations", String.valueOf(piece.measurementIterations()), "--time", millis(piece.measurementTime()),
                "--out", json.toString(), "--env", env.toString()));
        return a;
    }

    // JMH's time ("1s", "300 ms") as the harness reads it, in ms
    private static String millis(String time) {
        long ms = org.openjdk.jmh.runner.options.TimeValue.fromString(time).convertTo(TimeUnit.MILLISECONDS);
        return String.format(Locale.ROOT, "%dms", Math.max(1, ms));
    }
}
