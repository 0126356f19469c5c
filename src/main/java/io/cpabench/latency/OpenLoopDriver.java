package io.cpabench.latency;

import io.cpabench.model.Completion;
import io.cpabench.workload.Task;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import java.util.concurrent.locks.LockSupport;

/**
 * An open-loop load generator in the manner of wrk2: request {@code i} of an iteration is due at
 * {@code start + i × period} whether or not earlier ones have finished, and its latency is measured
 * from that due time, so a server that stalls is charged for every request that should have arrived
 * during the stall. The caller's thread paces the schedule ({@link #arrive()} parks until the next due
 * time, then submits); a caller that falls behind submits the overdue requests at once, keeping their
 * due times, and never skips one.
 *
 * <p>Each iteration gets fresh counters; {@link #endIteration} waits until every request of it has
 * been answered (bounded), checks every answer against the request's reference result and returns the
 * iteration's snapshot.
 */
public final class OpenLoopDriver {
    /** Where requests go: an execution model's {@code submit}, or a test's fake. */
    @FunctionalInterface
    public interface Server {
        void submit(Task task, Completion completion);
    }

    private final Server server;
    private final Task[] tasks;
    private final long[] expected;
    private final long periodNanos;
    private volatile Run run;

    /**
     * @param tasks requests are these, in turn; {@code tasks[k].id()} must be {@code k}
     * @param expected {@code expected[k]} is task k's correct result
     * @param ratePerSecond requests per second offered
     */
    public OpenLoopDriver(Server server, Task[] tasks, long[] expected, double ratePerSecond) {
        if (!(ratePerSecond > 0) || tasks.length == 0 || expected.length != tasks.length) {
            throw new IllegalArgumentException("need a positive rate and one expected result per task");
        }
        for (int k = 0; k < tasks.length; k++) {
            if (tasks[k].id() != k) {
                throw new IllegalArgumentException("task " + k + " has id " + tasks[k].id());
            }
        }
        this.server = server;
        this.tasks = tasks.clone();
        this.expected = expected.clone();
        this.periodNanos = Math.max(1, Math.round(1e9 / ratePerSecond));
    }

    public long periodNanos() {
        return periodNanos;
    }

    /** Starts an iteration's schedule: the first request is due one period from now. */
    public void startIteration() {
        run = new Run(System.nanoTime() + periodNanos);
    }

    /** Waits for the next request's due time, submits it and returns its index in the iteration. */
    public long arrive() {
        return run.arrive();
    }

    /**
     * Waits until every request of the iteration is answered, at most {@code timeout}.
     *
     * @throws IllegalStateException when requests are still unanswered after the timeout, or one failed
     *     or returned a wrong result
     */
    public LatencySnapshot endIteration(Duration timeout) throws InterruptedException {
        Run r = run;
        long deadline = System.nanoTime() + timeout.toNanos();
        while (r.outstanding.get() > 0 && System.nanoTime() < deadline) {
            Thread.sleep(1);
        }
        if (r.outstanding.get() > 0) {
            throw new IllegalStateException(r.outstanding.get() + " of " + r.next.get()
                    + " requests still unanswered " + timeout + " after the iteration ended");
        }
        Throwable e = r.firstError.get();
        if (e != null) {
            throw new IllegalStateException(r.failures.get() + " requests failed; first: " + e, e);
        }
        return r.recorder.snapshot();
    }

    /** The current iteration's recorder (tests look at both histograms). */
    public LatencyRecorder recorder() {
        return run.recorder;
    }

    /** One iteration's schedule and counters; requests finishing late report to the run they belong to. */
    private final class Run {
        final long start;
        final LatencyRecorder recorder = new LatencyRecorder();
        final AtomicLong next = new AtomicLong();
        final AtomicInteger outstanding = new AtomicInteger();
        final AtomicInteger failures = new AtomicInteger();
        final AtomicReference<Throwable> firstError = new AtomicReference<>();

        Run(long start) {
            this.start = start;
        }

        long arrive() {
            long i = next.getAndIncrement();
            long due = start + i * periodNanos;
            long now;
            while ((now = System.nanoTime()) < due) {
                LockSupport.parkNanos(due - now);
            }
            Task t = tasks[(int) (i % tasks.length)];
            outstanding.incrementAndGet();
            server.submit(t, new Request(this, t.id(), due, now));
            return i;
        }
    }

    /** The completion of one request: checks the answer, records its latency once. */
    private final class Request implements Completion {
        private final Run run;
        private final int task;
        private final long due;
        private final long sent;

        Request(Run run, int task, long due, long sent) {
            this.run = run;
            this.task = task;
            this.due = due;
            this.sent = sent;
        }

        @Override
        public void done(long result) {
            long now = System.nanoTime();
            if (result != expected[task]) {
                failed(new IllegalStateException("task " + task + " returned " + result + ", expected " + expected[task]));
                return;
            }
            run.recorder.record(due, sent, now);
            run.outstanding.decrementAndGet();
        }

        @Override
        public void failed(Throwable error) {
            run.failures.incrementAndGet();
            run.firstError.compareAndSet(null, error);
            run.outstanding.decrementAndGet();
        }
    }
}
