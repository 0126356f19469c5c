package io.cpabench.cli;

import io.cpabench.run.RunInterrupt;

/**
 * Entry point of {@code target/benchmarks.jar}.
 *
 * <pre>
 * java -jar target/benchmarks.jar                      # = run --profile quick
 * java -jar target/benchmarks.jar run --profile smoke  # CI
 * java -jar target/benchmarks.jar -l                   # anything else: plain JMH
 * </pre>
 */
public final class Main {
    private Main() {}

    public static void main(String[] args) throws Exception {
        if (ArgRouter.toJmh(args)) {
            try {
                ArgRouter.checkJmhParams(args);
            } catch (IllegalArgumentException e) {
                System.err.println("cpabench: " + e.getMessage());
                System.exit(Cli.BAD_INPUT);
            }
            org.openjdk.jmh.Main.main(args);
            return;
        }
        RunInterrupt.install();
        int code;
        try {
            code = Cli.execute(ArgRouter.forSuite(args), System.out, System.err);
        } finally {
            RunInterrupt.exiting();
        }
        System.exit(code);
    }
}
