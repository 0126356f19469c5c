package io.cpabench.run;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.openjdk.jmh.runner.format.OutputFormat;

/**
 * Stands in for JMH under {@code run}: each piece becomes one result row (score = its position in
 * the order run), some pieces can fail, and the process can "die" (an Error, which nothing catches,
 * like a kill -9) in the middle of a piece, after it has started writing its JSON.
 */
public final class FakeJmh implements PieceRunner.Factory {
    /** The stand-in for kill -9: an Error, which the runner must not catch. */
    public static final class Killed extends Error {
        public Killed() {
            super("killed");
        }
    }

    public final List<String> ran = new ArrayList<>();
    /** The JDK label each piece of {@link #ran} ran on, and the JVM options it got. */
    public final List<String> ranOn = new ArrayList<>();
    public final List<List<String>> jvmArgs = new ArrayList<>();
    private final int killDuring;
    private final Set<Integer> failing;

    /**
     * @param killDuring the 1-based number of the piece during which the process dies, 0 for never
     * @param failing    1-based numbers (in the order run) of pieces whose JMH call fails
     */
    public FakeJmh(int killDuring, Set<Integer> failing) {
        this.killDuring = killDuring;
        this.failing = failing;
    }

    /** JMH's message when another run holds its lock. */
    static final String LOCKED = "ERROR: Another JMH instance might be running. Unable to acquire the JMH lock (/tmp/jmh.lock), exiting.";

    private Set<Integer> lockedOut = Set.of();
    private Semaphore machine;
    private int pauseAt;
    private CountDownLatch paused;
    private CountDownLatch resume;
    private int calls;
    private Score scores;

    /** A piece's score from the JDK label it runs on, what it runs and which fork of its row it is. */
    public interface Score {
        double of(String jdk, String row, int fork);
    }

    /**
     * Scores by what a piece runs and which fork of its row it is (read from the piece's file name)
     * instead of by the order run: the same in every process, so a resumed run sees the forks a whole
     * one would have.
     */
    public FakeJmh scores(Score byRowAndFork) {
        this.scores = byRowAndFork;
        return this;
    }

    private static int fork(Path json) {
        Matcher m = Pattern.compile("-fork(\\d+)(of\\d+)?\\.running$").matcher(json.getFileName().toString());
        return m.find() ? Integer.parseInt(m.group(1)) : 1;
    }

    private Map<Integer, Consumer<OutputFormat>> printing = Map.of();

    /**
     * Pieces (1-based, counting every call) whose JMH, with failOnError false, writes no row and only
     * prints how their fork ended ({@link JmhOutput}); the outcome is judged from that as GroupRunner does.
     */
    public FakeJmh printing(Map<Integer, Consumer<OutputFormat>> jmhOutput) {
        this.printing = jmhOutput;
        return this;
    }

    /** Pieces (1-based, counting every call) that find JMH's lock taken, as a second run's would. */
    public FakeJmh lockedOut(Set<Integer> pieces) {
        this.lockedOut = pieces;
        return this;
    }

    /** JMH's per-machine lock, shared with other fakes: held while a piece runs, as JMH holds /tmp/jmh.lock. */
    public FakeJmh machine(Semaphore lock) {
        this.machine = lock;
        return this;
    }

    /** In piece {@code n} (1-based), holding the machine: counts {@code paused} down, then waits for {@code resume}. */
    public FakeJmh pauseIn(int n, CountDownLatch paused, CountDownLatch resume) {
        this.pauseAt = n;
        this.paused = paused;
        this.resume = resume;
        return this;
    }

    @Override
    public void checkReady() {
        if (machine != null && machine.availablePermits() == 0) {
            throw new IllegalArgumentException(JmhLock.refusal(Path.of("/tmp/jmh.lock"), "a fake JMH run"));
        }
    }

    @Override
    public PieceRunner forJdk(ForkJdk jdk, JmhExtras extras) {
        return (piece, json) -> {
            int call = ++calls;
            if (lockedOut.contains(call) || (machine != null && !machine.tryAcquire())) {
                return new PieceOutcome(json, Optional.of(LOCKED), JmhLock.isLockFailure(LOCKED));
            }
            if (printing.containsKey(call)) {
                ForkWatch watch = new ForkWatch(JmhOutput.lines(new ArrayList<>()));
                printing.get(call).accept(watch);
                writeNoRows(json);
                PieceOutcome o = GroupRunner.judged(json, watch, Optional.empty(), false);
                if (!o.outside()) {
                    ran.add(describe(piece));
                    ranOn.add(jdk.label());
                    jvmArgs.add(piece.jvmArgs());
                }
                return o;
            }
            try {
                int n = ran.size() + 1;
                write(json, n, piece, jdk.label());
                if (call == pauseAt) {
                    paused.countDown();
                    await(resume);
                }
                if (n == killDuring) {
                    throw new Killed();
                }
                ran.add(describe(piece));
                ranOn.add(jdk.label());
                jvmArgs.add(piece.jvmArgs());
                return new PieceOutcome(json, failing.contains(n) ? Optional.of("fork crashed") : Optional.empty());
            } finally {
                if (machine != null) {
                    machine.release();
                }
            }
        };
    }

    private static void await(CountDownLatch latch) {
        try {
            if (!latch.await(30, TimeUnit.SECONDS)) {
                throw new AssertionError("the test never let the paused piece go on");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        }
    }

    static String describe(PlannedRun piece) {
        return piece.describe(piece.combinations().get(0));
    }

    private static void writeNoRows(Path json) {
        try {
            Files.writeString(json, "[]");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** JMH's JSON for one row; a failing JMH call would write none, which the missing-row check also sees. */
    private void write(Path json, int n, PlannedRun piece, String jdk) {
        if (failing.contains(n)) {
            return;
        }
        String score = scores == null ? String.valueOf(n) : String.valueOf(scores.of(jdk, describe(piece), fork(json)));
        String benchmark = piece.include().replace("\\.", ".").replaceAll("[\\^$]", "");
        String params = piece.params().entrySet().stream()
                .map(e -> "\"" + e.getKey() + "\":\"" + e.getValue().get(0) + "\"").collect(Collectors.joining(","));
        // each benchmark's own mode and unit, as the tables read them
        boolean avgt = benchmark.contains("DispatchBenchmark");
        String row = "[{\"jmhVersion\":\"1.37\",\"benchmark\":\"" + benchmark + "\",\"mode\":\"" + (avgt ? "avgt" : "thrpt")
                + "\",\"threads\":" + piece.threads()
                + ",\"forks\":1,\"params\":{" + params + "},\"primaryMetric\":{\"score\":" + score + ",\"scoreError\":\"NaN\","
                + "\"scoreConfidence\":[" + score + "," + score + "],\"scoreUnit\":\"" + (avgt ? "ns/op" : "ops/s") + "\",\"rawData\":[[" + score + "]]},\"secondaryMetrics\":{}}]";
        try {
            Files.deleteIfExists(json);
            Files.writeString(json, row);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
