package io.cpabench.tables;

import io.cpabench.results.JmhRow;
import io.cpabench.stats.ForkSample;
import io.cpabench.stats.MeanInterval;
import io.cpabench.stats.RatioInterval;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.TreeSet;
import java.util.function.Predicate;

/**
 * Each GIL imitation beside the real thing: a JVM result set's rows paired with a CPython interpreter's
 * (run --python), each side as a ratio to its own baseline, with the difference and a verdict on the
 * imitation's fidelity.
 *
 * <ul>
 *   <li>GIL_THREADS ↔ THREADS on CPU, MULTI_INTERPRETER ↔ PROCESSES on CPU, GIL_THREADS ↔ THREADS on
 *       NATIVE: tasks/s over the same side's SEQUENTIAL, at each worker count both sides ran; the
 *       difference is imitation − CPython, faithful within ±{@value #FAITHFUL} (a speedup near 1 or 2,
 *       where 0.10 is what tells "concurrent, not parallel" from a few percent of hand-over cost);</li>
 *   <li>EVENT_LOOP ↔ ASYNCIO on IO_SLEEP: the same ratio, but its size is the number of waits
 *       overlapped (hundreds), so the difference is the quotient imitation/CPython, faithful within 10%;</li>
 *   <li>EVENT_LOOP ↔ ASYNCIO and GIL_EVENT_LOOP_OFFLOAD ↔ ASYNCIO_TO_THREAD on the open-loop latency
 *       scenario: p99 in ms at the same offered rate, judged as the quotient, faithful within 10%.</li>
 * </ul>
 *
 * Intervals are 95% over forks (Welch on the log fork means for a ratio, Student t on the log fork means
 * for a p99, whose value is then their geometric mean); a side
 * with one fork has none. A pair one side lacks is left out with a note when the other side has it (the
 * JVM's NATIVE workload, in a build without it), silently when neither has.
 */
public final class ImitationPairs {
    /** The largest |imitation − CPython| of two speedups still called faithful. */
    public static final double FAITHFUL = 0.10;
    static final String SEQUENTIAL = "SEQUENTIAL";
    private static final double LEVEL = 0.95;

    /** How a pair's two numbers are set against each other. */
    public enum Kind {
        /** speedups near 1: difference imitation − CPython */
        SPEEDUP,
        /** speedups of hundreds: quotient imitation / CPython */
        OVERLAP,
        /** p99 latency in ms at one rate: quotient imitation / CPython */
        P99
    }

    /** One side of a pair: its model, the value (a speedup or a p99 in ms), its 95% interval (NaN: none), its forks. */
    public record Side(String model, double value, double low, double high, int forks) {
        boolean hasInterval() {
            return !Double.isNaN(low) && !Double.isNaN(high);
        }
    }

    /**
     * A pair: what it compares ("CPU, 2 workers"), how, both sides, and the verdict.
     *
     * @param difference imitation − CPython for {@link Kind#SPEEDUP}, imitation / CPython otherwise
     */
    public record Pair(Kind kind, String what, Side imitation, Side cpython, double difference, boolean faithful, String verdict) {}

    /** The pairs found and what could not be paired, one line each. */
    public record Result(List<Pair> pairs, List<String> notes) {}

    private record Spec(Kind kind, String workload, String jvmModel, String pyModel) {}

    private static final List<Spec> SCALING = List.of(
            new Spec(Kind.SPEEDUP, "CPU", "GIL_THREADS", "THREADS"),
            new Spec(Kind.SPEEDUP, "CPU", "MULTI_INTERPRETER", "PROCESSES"),
            new Spec(Kind.OVERLAP, "IO_SLEEP", "EVENT_LOOP", "ASYNCIO"),
            new Spec(Kind.SPEEDUP, "NATIVE", "GIL_THREADS", "THREADS"));
    private static final List<Spec> LATENCY = List.of(
            new Spec(Kind.P99, null, "EVENT_LOOP", "ASYNCIO"),
            new Spec(Kind.P99, null, "GIL_EVENT_LOOP_OFFLOAD", "ASYNCIO_TO_THREAD"));

    private ImitationPairs() {}

    /** Whether a row is the CPython harness's (its benchmark is {@code cpython.…}). */
    public static boolean isCpython(JmhRow row) {
        return row.benchmark().startsWith("cpython.");
    }

    /**
     * @param jvm     a JVM result set's rows (ScalingBenchmark and LoopLatencyBenchmark are read)
     * @param cpython one interpreter's rows (cpython.ScalingBenchmark and cpython.LoopLatencyBenchmark)
     */
    public static Result of(List<JmhRow> jvm, List<JmhRow> cpython) {
        List<Pair> pairs = new ArrayList<>();
        List<String> notes = new ArrayList<>();
        List<JmhRow> jvmScaling = rows(jvm, "ScalingBenchmark.run", false);
        List<JmhRow> pyScaling = rows(cpython, "ScalingBenchmark.run", true);
        for (Spec s : SCALING) {
            List<JmhRow> a = model(jvmScaling, s.workload(), s.jvmModel());
            List<JmhRow> b = model(pyScaling, s.workload(), s.pyModel());
            String name = s.jvmModel() + " ↔ " + s.pyModel() + " on " + s.workload();
            if (a.isEmpty() || b.isEmpty()) {
                missing(notes, name, a.isEmpty(), b.isEmpty(), s.workload());
                continue;
            }
            TreeSet<Integer> workers = new TreeSet<>();
            a.forEach(r -> workers.add(workers(r)));
            workers.retainAll(b.stream().map(ImitationPairs::workers).toList());
            if (workers.isEmpty()) {
                notes.add(name + ": no worker count on both sides, not paired");
                continue;
            }
            for (int w : workers) {
                Optional<Side> x = speedup(jvmScaling, s.workload(), s.jvmModel(), w);
                Optional<Side> y = speedup(pyScaling, s.workload(), s.pyModel(), w);
                if (x.isEmpty() || y.isEmpty()) {
                    notes.add(name + " at " + w + " workers: no SEQUENTIAL row on " + (x.isEmpty() ? "the JVM side" : "the CPython side")
                            + " to divide by, not paired");
                    continue;
                }
                pairs.add(pair(s.kind(), s.workload() + ", " + w + " worker" + (w == 1 ? "" : "s") + ", ÷ SEQUENTIAL", x.get(), y.get()));
            }
        }
        List<JmhRow> jvmLatency = rows(jvm, "LoopLatencyBenchmark.run", false);
        List<JmhRow> pyLatency = rows(cpython, "LoopLatencyBenchmark.run", true);
        for (Spec s : LATENCY) {
            String name = s.jvmModel() + " ↔ " + s.pyModel() + " (latency)";
            List<JmhRow> a = jvmLatency.stream().filter(r -> r.param("model").equals(s.jvmModel())).toList();
            List<JmhRow> b = pyLatency.stream().filter(r -> r.param("model").equals(s.pyModel())).toList();
            if (a.isEmpty() || b.isEmpty()) {
                missing(notes, name, a.isEmpty(), b.isEmpty(), null);
                continue;
            }
            TreeSet<Double> rates = new TreeSet<>();
            a.forEach(r -> rates.add(rate(r)));
            rates.retainAll(b.stream().map(ImitationPairs::rate).toList());
            if (rates.isEmpty()) {
                notes.add(name + ": no offered rate on both sides, not paired");
                continue;
            }
            for (double rate : rates) {
                Optional<Side> x = p99(a, s.jvmModel(), rate);
                Optional<Side> y = p99(b, s.pyModel(), rate);
                if (x.isEmpty() || y.isEmpty()) {
                    notes.add(name + " at " + fmtRate(rate) + " req/s: no p99 on " + (x.isEmpty() ? "the JVM side" : "the CPython side"));
                    continue;
                }
                pairs.add(pair(Kind.P99, "latency p99 (ms), " + fmtRate(rate) + " req/s", x.get(), y.get()));
            }
        }
        return new Result(List.copyOf(pairs), List.copyOf(notes));
    }

    private static void missing(List<String> notes, String name, boolean noJvm, boolean noPython, String workload) {
        if (noJvm && noPython) {
            return;
        }
        notes.add(name + ": " + (noJvm ? "no JVM row" + (workload == null ? "" : " (this build's results have no " + workload + " "
                + name.substring(0, name.indexOf(' ')) + ")") : "no CPython row") + ", pair skipped");
    }

    static Pair pair(Kind kind, String what, Side imitation, Side cpython) {
        if (kind == Kind.SPEEDUP) {
            double d = imitation.value() - cpython.value();
            boolean ok = Math.abs(d) <= FAITHFUL + 1e-12;
            String verdict = ok ? "faithful" : String.format(Locale.ROOT, "misses by %.2f (imitation %s)", Math.abs(d) - FAITHFUL,
                    d > 0 ? "higher" : "lower");
            return new Pair(kind, what, imitation, cpython, d, ok, verdict);
        }
        double q = imitation.value() / cpython.value();
        boolean ok = Math.abs(q - 1) <= FAITHFUL + 1e-12;
        String what2 = kind == Kind.P99 ? (q > 1 ? "slower" : "faster") : (q > 1 ? "higher" : "lower");
        String verdict = ok ? "faithful" : String.format(Locale.ROOT, "misses: imitation %s × %s (band ±10%%)", what2,
                io.cpabench.results.Numbers.times(q > 1 ? q : 1 / q).replace("×", ""));
        return new Pair(kind, what, imitation, cpython, q, ok, verdict);
    }

    private static List<JmhRow> rows(List<JmhRow> rows, String suffix, boolean cpython) {
        Predicate<JmhRow> mine = r -> isCpython(r) == cpython && r.benchmark().endsWith(suffix);
        return rows.stream().filter(mine).toList();
    }

    private static List<JmhRow> model(List<JmhRow> rows, String workload, String model) {
        return rows.stream().filter(r -> r.param("workload").equals(workload) && r.param("model").equals(model)).toList();
    }

    /** The model's tasks/s over SEQUENTIAL's on the same workload (at the same workers when that row exists). */
    private static Optional<Side> speedup(List<JmhRow> rows, String workload, String model, int workers) {
        Optional<JmhRow> m = model(rows, workload, model).stream().filter(r -> workers(r) == workers).findFirst();
        List<JmhRow> seq = model(rows, workload, SEQUENTIAL);
        Optional<JmhRow> base = seq.stream().filter(r -> workers(r) == workers).findFirst().or(() -> seq.stream().findFirst());
        if (m.isEmpty() || base.isEmpty()) {
            return Optional.empty();
        }
        ForkSample a = ForkSample.ofRawData(base.get().rawData(), 1);
        ForkSample b = ForkSample.ofRawData(m.get().rawData(), 1);
        if (a.forks() == 0 || b.forks() == 0) {
            double v = m.get().score() / base.get().score();
            return Optional.of(new Side(model, v, Double.NaN, Double.NaN, 0));
        }
        int forks = Math.min(a.forks(), b.forks());
        if (a.forks() < 2 || b.forks() < 2) {
            return Optional.of(new Side(model, b.mean() / a.mean(), Double.NaN, Double.NaN, forks));
        }
        RatioInterval r = RatioInterval.of(a, b, LEVEL);
        return Optional.of(new Side(model, r.ratio(), r.low(), r.high(), forks));
    }

    private static Optional<Side> p99(List<JmhRow> rows, String model, double rate) {
        Optional<JmhRow> row = rows.stream().filter(r -> rate(r) == rate).findFirst();
        JmhRow.Secondary s = row.map(r -> r.secondaries().get("latency.p99")).orElse(null);
        if (s == null) {
            return Optional.empty();
        }
        ForkSample f = ForkSample.ofRawData(s.rawData(), 1);
        if (f.forks() == 0) {
            return Optional.empty();
        }
        if (f.forks() < 2) {
            return Optional.of(new Side(model, f.mean(), Double.NaN, Double.NaN, 1));
        }
        // on the log scale, as the ratios: a percentile is positive and spreads multiplicatively between forks
        double[] logs = java.util.Arrays.stream(f.means()).map(Math::log).toArray();
        MeanInterval i = MeanInterval.of(ForkSample.ofMeans(logs), LEVEL);
        return Optional.of(new Side(model, Math.exp(i.mean()), Math.exp(i.low()), Math.exp(i.high()), f.forks()));
    }

    static int workers(JmhRow r) {
        try {
            return Integer.parseInt(r.param("workers").trim());
        } catch (NumberFormatException e) {
            return -1;
        }
    }

    static double rate(JmhRow r) {
        try {
            return Double.parseDouble(r.param("rate").trim());
        } catch (NumberFormatException e) {
            return Double.NaN;
        }
    }

    static String fmtRate(double rate) {
        return rate == Math.rint(rate) ? String.valueOf((long) rate) : String.valueOf(rate);
    }
}
