package io.cpabench.workload;

/**
 * Where SHARED_COUNTER's counters live (its {@code sharing} parameter). Every choice makes the same
 * atomic add per update, so two rows differ only in which cache lines the workers' adds meet on.
 */
public enum Sharing {
    /** A counter per worker, each alone on its cache line (and the next: the adjacent-line prefetcher). */
    NONE,
    /** A counter per worker, all packed on one cache line: no value is shared, the line is. */
    FALSE_SHARING,
    /** One {@code AtomicLong} every worker adds to: value and line shared. */
    ATOMIC,
    /** One {@code LongAdder}: one counter to its users, striped cells that spread out under contention. */
    ADDER;

    /** Parses a sharing name, failing with the valid ones. */
    public static Sharing parse(String name) {
        return EnumNames.parse(Sharing.class, "sharing", name);
    }
}
