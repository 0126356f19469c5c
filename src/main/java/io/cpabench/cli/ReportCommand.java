package io.cpabench.cli;

import io.cpabench.report.Report;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code report}: report.html and summary.md for result files or directories; two or more sets get a diff. */
@Command(name = "report", mixinStandardHelpOptions = true, description = "Write report.html (charts) and summary.md for JMH result files or directories.")
final class ReportCommand implements Callable<Integer> {
    @Parameters(paramLabel = "DIR|FILE", arity = "0..*",
            description = "result files or directories (default: jmh-results); with two or more result sets the first is the diff's old side")
    List<Path> inputs = new ArrayList<>();

    @Option(names = "--out", description = "output directory (default: the one input directory, else the current directory)")
    Path out;

    private final PrintStream stdout;

    ReportCommand(PrintStream stdout) {
        this.stdout = stdout;
    }

    @Override
    public Integer call() throws IOException {
        List<Path> in = inputs.isEmpty() ? List.of(Path.of("jmh-results")) : inputs;
        Path dir = out != null ? out
                : in.size() == 1 && in.get(0).toFile().isDirectory() ? in.get(0) : Path.of(".");
        OutputDir.check(dir, out != null ? "--out" : "the report into");
        stdout.println("report: " + Report.write(in, dir));
        return 0;
    }
}
