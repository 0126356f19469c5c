package io.cpabench.run;

import io.cpabench.results.PartsDir;
import java.io.IOException;
import java.io.UncheckedIOException;

/**
 * Stops a run whose piece could not run for a reason outside the benchmark (another run's JMH lock, a
 * fork that could not start, an interrupt). The piece is not filed as failed but left missing, so
 * {@code run --resume} runs it again; a run with no piece finished is removed instead, as a refused
 * run would have written nothing. The message is the one line the user sees.
 */
public final class PieceNotRun extends RuntimeException {
    /** Exit code: the run is unfinished, not wrong. */
    public static final int EXIT = 1;

    private PieceNotRun(String message) {
        super(message, null, false, false);
    }

    static PieceNotRun stop(PartsDir parts, String piece, String why) {
        String what = "stopped: " + piece + " could not run (" + why + "); it is not counted as failed";
        if (RunInterrupt.started() || parts.finished() > 0) {
            return new PieceNotRun(what + "; resume with: run --resume " + parts.path());
        }
        try {
            parts.remove();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return new PieceNotRun(what + "; no piece had run, nothing is kept: start the run again");
    }
}
