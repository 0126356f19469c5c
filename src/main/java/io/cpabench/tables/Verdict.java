package io.cpabench.tables;

import io.cpabench.results.Numbers;
import io.cpabench.results.ScalingRows;
import io.cpabench.workload.Workload;
import java.util.Locale;

/** Says in words what a speedup over SEQUENTIAL means for the workload's kind of work. */
public final class Verdict {
    private Verdict() {}

    /**
     * @param speedup  tasks/s of the model over tasks/s of SEQUENTIAL with the same parameters
     * @param workers  the model's concurrency limit
     * @param cores    logical cores of the machine that ran it
     */
    public static String of(String model, String workload, double speedup, int workers, int cores) {
        if (ScalingRows.isSequential(model)) {
            return "baseline";
        }
        if (Double.isNaN(speedup)) {
            return "no baseline";
        }
        if (Workload.isIo(workload)) {
            return io(speedup, workers);
        }
        return compute(speedup, Math.min(workers, cores));
    }

    // Waits can overlap beyond the worker count (async I/O does not hold a thread), and that is worth saying.
    private static String io(double speedup, int workers) {
        if (speedup < 1.5) {
            return "waits serialised";
        }
        if (speedup > 1.5 * workers) {
            return String.format(Locale.ROOT, "waits overlapped (%s× more than workers)",
                    Numbers.sig(speedup / workers, 2));
        }
        return "waits overlapped";
    }

    // Parallel means the cores really worked at once; only p = min(workers, cores) of them could.
    private static String compute(double speedup, int p) {
        if (p >= 2 && speedup >= 0.6 * p) {
            return "parallel";
        }
        if (speedup < 0.75) {
            return "slower than sequential";
        }
        if (speedup < 1.3) {
            return "concurrent, not parallel";
        }
        return "partly parallel";
    }
}
