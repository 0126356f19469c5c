package io.cpabench.model;

import io.cpabench.gil.Gil;
import java.time.Duration;

/**
 * How an execution model is sized.
 *
 * @param workers the OS threads the model computes on: pool threads, event loops, GIL threads,
 *     virtual-thread carriers; SEQUENTIAL ignores it
 * @param switchIntervalNanos the GIL's switch interval (CPython's sys.setswitchinterval)
 * @param batchTimeout how long one batch may take before it is declared hung
 */
public record ModelConfig(int workers, long switchIntervalNanos, Duration batchTimeout) {
    public ModelConfig {
        if (workers < 1) {
            throw new IllegalArgumentException("workers must be at least 1, was " + workers);
        }
        if (switchIntervalNanos <= 0) {
            throw new IllegalArgumentException("switch interval must be positive, was " + switchIntervalNanos);
        }
    }

    public static ModelConfig of(int workers) {
        return new ModelConfig(workers, Gil.DEFAULT_SWITCH_INTERVAL_NANOS, Duration.ofMinutes(2));
    }

    public ModelConfig withBatchTimeout(Duration timeout) {
        return new ModelConfig(workers, switchIntervalNanos, timeout);
    }

    Gil newGil() {
        return new Gil(switchIntervalNanos, true);
    }
}
