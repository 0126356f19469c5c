package io.cpabench.cli;

import io.cpabench.report.Report;
import io.cpabench.run.OutputDir;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code report}: report.html and summary.md for result files or directories (two or more sets get a
 * diff), or with {@code --history} the trends of the nightly's history of nights.
 */
@Command(name = "report", mixinStandardHelpOptions = true, description = "Write report.html (charts) and summary.md for JMH result files or directories, or for a nightly history (--history).")
final class ReportCommand implements Callable<Integer> {
    @Parameters(paramLabel = "DIR|FILE", arity = "0..*",
            description = "result files or directories (default: jmh-results); with two or more result sets the first is the diff's old side;"
                    + " two or more runner directories pair their sets by JDK label")
    List<Path> inputs = new ArrayList<>();

    @Option(names = "--out", description = "output directory (default: the one input directory, else the current directory;"
            + " with --history the current directory)")
    Path out;

    @Option(names = "--noise-floor", paramLabel = "FILE", description = "a noise-floor --out file: each diff row shows the smallest change this machine detects")
    Path noiseFloor;

    @Option(names = "--history", paramLabel = "DIR",
            description = "a nightly history, DIR/<runner>/<YYYY-MM-DD>/jdk<label>/ as nightly.sh compare --history keeps it:"
                    + " each row's score and p99 over the nights, flagged and accepted nights marked")
    Path history;

    @Option(names = "--charts", paramLabel = "N|all",
            description = "with --history: charts for the first N rows of each runner/JDK set, those whose last night moved"
                    + " most (default: 10; every row is in the set's table either way), or all")
    String charts;

    private final PrintStream stdout;

    ReportCommand(PrintStream stdout) {
        this.stdout = stdout;
    }

    @Override
    public Integer call() throws IOException {
        if (history != null) {
            if (!inputs.isEmpty()) {
                throw new IllegalArgumentException("report: give result files or directories, or --history DIR, not both");
            }
            if (noiseFloor != null) {
                throw new IllegalArgumentException("report: --noise-floor goes with result files or directories, not --history");
            }
            // Not into the history itself: it is a checkout of the results branch, and the report is not a night.
            stdout.println("report: " + Report.history(history, out != null ? out : Path.of("."), chartsPerSet()));
            return 0;
        }
        if (charts != null) {
            throw new IllegalArgumentException("report: --charts goes with --history DIR");
        }
        List<Path> in = inputs.isEmpty() ? List.of(Path.of("jmh-results")) : inputs;
        Path dir = out != null ? out
                : in.size() == 1 && in.get(0).toFile().isDirectory() ? in.get(0) : Path.of(".");
        OutputDir.check(dir, out != null ? "--out" : "the report into");
        stdout.println("report: " + Report.write(in, dir, noiseFloor));
        return 0;
    }

    /**
     * Ten by default: a nightly set has 77 rows (85 charts with p99) and each chart is about 100 kB of SVG,
     * so every row of six sets would be a 50 MB page; the rows that moved most come first.
     */
    private int chartsPerSet() {
        if (charts == null) {
            return 10;
        }
        if ("all".equals(charts)) {
            return Integer.MAX_VALUE;
        }
        try {
            int n = Integer.parseInt(charts);
            if (n >= 1) {
                return n;
            }
        } catch (NumberFormatException e) {
            // the line below names the valid choices
        }
        throw new IllegalArgumentException("report: bad --charts '" + charts + "': a whole number ≥ 1, or all");
    }
}
