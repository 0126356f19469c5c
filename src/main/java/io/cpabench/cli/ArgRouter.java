package io.cpabench.cli;

import io.cpabench.bench.CallerLock;
import io.cpabench.model.ExecutionModel;
import io.cpabench.run.BenchmarkCatalog;
import io.cpabench.workload.Workload;
import java.util.Locale;
import java.util.Set;

/**
 * Decides who reads the command line: the suite's own subcommands, or JMH, which gets the arguments
 * untouched so {@code -l}, {@code -h}, {@code -p k=v}, a regex, {@code -rf json} mean what JMH users expect.
 */
public final class ArgRouter {
    public static final Set<String> SUBCOMMANDS = Set.of("run", "compare", "report", "noise-floor", "help");
    static final String[] DEFAULT_RUN = {"run", "--profile", "quick"};

    private ArgRouter() {}

    public static boolean toJmh(String[] args) {
        return args.length > 0 && !SUBCOMMANDS.contains(args[0]);
    }

    /**
     * Checks the suite's enum values in JMH's {@code -p name=v1,v2}: JMH would only reject a bad one
     * inside a fork, with a stack trace per combination.
     *
     * @throws IllegalArgumentException naming the bad value and the valid ones
     */
    public static void checkJmhParams(String[] args) {
        for (int i = 0; i + 1 < args.length; i++) {
            if (!args[i].equals("-p")) {
                continue;
            }
            String[] kv = args[i + 1].split("=", 2);
            if (kv.length < 2) {
                continue;
            }
            for (String v : kv[1].split(",")) {
                String canonical =
                        switch (kv[0]) {
                            case "model" -> ExecutionModel.parse(v).name();
                            case "workload" -> Workload.parse(v).name();
                            case "lock" -> parseLock(v);
                            default -> checkEnum(kv[0], v);
                        };
                if (!canonical.equals(v)) {
                    // JMH reads enum params case-sensitively; args go to it unchanged, so say the exact name
                    throw new IllegalArgumentException(kv[0] + " '" + v + "' must be spelled " + canonical);
                }
            }
        }
    }

    /**
     * Any other enum parameter (CancellationBenchmark's work): JMH would fail each fork with a stack
     * trace and still exit 0. Checked against every benchmark declaring that name as an enum.
     */
    static String checkEnum(String key, String v) {
        Set<String> valid = new java.util.TreeSet<>();
        for (BenchmarkCatalog.Benchmark b : BenchmarkCatalog.get().all()) {
            Class<?> type = b.params().get(key);
            if (type != null) {
                if (!type.isEnum()) {
                    return v;
                }
                valid.addAll(BenchmarkCatalog.constants(type).orElseThrow());
            }
        }
        if (!valid.isEmpty() && !valid.contains(v)) {
            throw new IllegalArgumentException("unknown " + key + " '" + v + "'; valid: " + String.join(", ", valid));
        }
        return v;
    }

    private static String parseLock(String v) {
        try {
            return CallerLock.valueOf(v.trim().toUpperCase(Locale.ROOT)).name();
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("unknown lock '" + v + "'; valid: NONE, GIL", e);
        }
    }

    /** The arguments the suite's CLI parses: no arguments at all means the default run. */
    public static String[] forSuite(String[] args) {
        return args.length == 0 ? DEFAULT_RUN.clone() : args;
    }
}
