package io.cpabench.run;

import java.nio.file.Path;
import java.util.Optional;

/**
 * What running one piece came to: its JSON file (may be missing or partial), the error that stopped
 * it, if any, and whether that error is the benchmark's own ({@code outside} false: recorded as a
 * failed piece) or came from outside it ({@code outside} true: another run's JMH lock, a fork that
 * could not start, an interrupt; the piece is left to run again).
 */
public record PieceOutcome(Path json, Optional<String> error, boolean outside) {
    public PieceOutcome(Path json, Optional<String> error) {
        this(json, error, false);
    }
}
