package io.cpabench.bench;

import io.cpabench.model.Hold;
import io.cpabench.model.ModelRunner;

/**
 * How a dispatch batch meets the model's consumer threads. A burst handed to running consumers is
 * bistable: they either keep up (and park, to be woken for nearly every task) or fall behind (and drain
 * a backlog for free), and which state holds is the machine's choice for seconds at a time, so its fork
 * means spread widely. A backlog fixes the state: the batch is queued while the consumers are held.
 */
public enum Regime {
    /** Submitted to consumers that are running: whatever state the machine settles into. */
    BURST {
        @Override
        Hold prepare(ModelRunner runner) {
            return Hold.NONE;
        }
    },
    /**
     * Submitted while every consumer is held, then let go: the cost of a hand-off whose queue never
     * empties (queueing, taking, completing), the saturated regime alone. One state for one consumer;
     * several may drain side by side or leave it to one, as the machine decides.
     */
    BACKLOG {
        @Override
        Hold prepare(ModelRunner runner) throws InterruptedException {
            return runner.hold();
        }
    };

    /** Readies the model for the next batch (outside the measured time); the batch opens the hold it returns. */
    abstract Hold prepare(ModelRunner runner) throws InterruptedException;
}
