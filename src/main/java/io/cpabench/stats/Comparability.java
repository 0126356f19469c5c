package io.cpabench.stats;

/** Whether one side of a row has what the fork-level statistics need, and if not, why not. */
public final class Comparability {
    /** A t interval needs a variance, so two forks; with two it is honest but very wide. */
    public static final int MIN_FORKS = 2;

    /**
     * Below four forks a side, the exact two-sided Mann–Whitney p-value cannot go under 0.05
     * (3 vs 3: smallest p = 0.1), so printing one would only invite misreading.
     */
    public static final int MIN_FORKS_FOR_RANK_TEST = 4;

    private Comparability() {}

    /** Null if {@code sample} can be compared, else the reason in words, e.g. "old has 1 fork (need ≥ 2)". */
    public static String problem(String side, ForkSample sample) {
        int n = sample.forks();
        if (n < MIN_FORKS) {
            return side + " has " + n + (n == 1 ? " fork" : " forks") + " (need ≥ " + MIN_FORKS + ")";
        }
        if (!sample.allPositive()) {
            return side + " has a score ≤ 0 (a ratio needs positive scores)";
        }
        return null;
    }
}
