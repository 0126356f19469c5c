package io.cpabench.cli;

import java.util.Set;

/**
 * Decides who reads the command line: the suite's own subcommands, or JMH, which gets the arguments
 * untouched so {@code -l}, {@code -h}, {@code -p k=v}, a regex, {@code -rf json} mean what JMH users expect.
 */
public final class ArgRouter {
    public static final Set<String> SUBCOMMANDS = Set.of("run", "compare", "report");
    static final String[] DEFAULT_RUN = {"run", "--profile", "quick"};

    private ArgRouter() {}

    public static boolean toJmh(String[] args) {
        return args.length > 0 && !SUBCOMMANDS.contains(args[0]);
    }

    /** The arguments the suite's CLI parses: no arguments at all means the default run. */
    public static String[] forSuite(String[] args) {
        return args.length == 0 ? DEFAULT_RUN.clone() : args;
    }
}
