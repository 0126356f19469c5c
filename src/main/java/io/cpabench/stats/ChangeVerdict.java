package io.cpabench.stats;

/** What a comparison says about one row, in the words {@code compare} prints. */
public enum ChangeVerdict {
    FASTER("faster"),
    SLOWER("slower"),
    /** No change that matters: the interval is inside the ±min-effect band, or narrow and not significant. */
    SAME("~"),
    /** Too noisy to tell: the interval is wide and reaches beyond the band. */
    UNSURE("unsure"),
    NOT_COMPARABLE("not comparable");

    private final String word;

    ChangeVerdict(String word) {
        this.word = word;
    }

    public String word() {
        return word;
    }

    public boolean isChange() {
        return this == FASTER || this == SLOWER;
    }
}
