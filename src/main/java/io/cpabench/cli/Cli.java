package io.cpabench.cli;

import io.cpabench.results.PartsLock;
import io.cpabench.run.PieceNotRun;
import io.cpabench.run.PieceRunner;
import io.cpabench.run.RunInterrupt;
import java.io.PrintStream;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/** The suite's subcommands under picocli, with every input error as one line on stderr and exit 2. */
public final class Cli {
    public static final int BAD_INPUT = 2;

    private Cli() {}

    @Command(name = "cpabench", mixinStandardHelpOptions = false,
            description = "cpabench: concurrency, parallelism and async as separate axes. "
                    + "Arguments not starting with run/compare/report/noise-floor/help go to JMH unchanged (-h: JMH's options).")
    static final class Root {}

    public static int execute(String[] args, PrintStream out, PrintStream err) {
        return execute(args, out, err, PieceRunner.JMH);
    }

    /** With the pieces of {@code run} run by {@code pieces} instead of JMH: for tests. */
    static int execute(String[] args, PrintStream out, PrintStream err, PieceRunner.Factory pieces) {
        CommandLine cli = new CommandLine(new Root())
                .addSubcommand("run", new RunCommand(out, err, pieces))
                .addSubcommand("compare", new CompareCommand(out))
                .addSubcommand("report", new ReportCommand(out))
                .addSubcommand("noise-floor", new NoiseFloorCommand(out))
                .addSubcommand("help", new CommandLine.HelpCommand());
        cli.setOut(new java.io.PrintWriter(out, true));
        cli.setErr(new java.io.PrintWriter(err, true));
        cli.setParameterExceptionHandler((e, a) -> {
            String command = e.getCommandLine().getCommandName();
            String help = e.getCommandLine() == cli ? "help" : "help " + command;
            err.println("cpabench: " + e.getMessage().lines().findFirst().orElse("") + " (see: " + help + ")");
            return BAD_INPUT;
        });
        cli.setExecutionExceptionHandler((e, c, parsed) -> {
            if (e instanceof IllegalArgumentException) {
                err.println("cpabench: " + e.getMessage());
                return BAD_INPUT;
            }
            if (e instanceof PieceNotRun) {
                if (!RunInterrupt.started()) {
                    // after Ctrl-C the interrupt's own line has said it
                    err.println("cpabench: " + e.getMessage());
                }
                return PieceNotRun.EXIT;
            }
            throw e;
        });
        // the run directories this command locks are let go when it ends, as when its process ends
        try (PartsLock.Scope locks = PartsLock.scope()) {
            return cli.execute(args);
        }
    }
}
