package io.cpabench.run;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * "Forks until precise" for a row: after its planned forks, more until its 95% interval is within
 * ±{@code precision} or it has {@code maxForks} (see {@link io.cpabench.stats.ForksUntilPrecise}).
 * Set in a profile ({@code "precision": "2%", "maxForks": 30}, in defaults or a group) or by
 * {@code run --precision P --max-forks N}; both or neither, since a target without a cap could run a
 * noisy row for ever and a cap without a target says nothing.
 */
public record PrecisionTarget(double precision, int maxForks) {
    /** The cap's ceiling: {@link io.cpabench.stats.ForksNeeded#CAP}, beyond which no fork count is computed. */
    static final int MAX_FORKS = io.cpabench.stats.ForksNeeded.CAP;
    private static final Pattern PERCENT = Pattern.compile("(\\d+(?:\\.\\d+)?)%");

    /** A percentage such as "2%" as a fraction, in [0, 100%) ({@code zeroAllowed}) or (0, 100%). */
    public static double percent(String option, String text, boolean zeroAllowed) {
        Matcher m = PERCENT.matcher(text == null ? "" : text.strip());
        double percent = m.matches() ? Double.parseDouble(m.group(1)) : Double.NaN;
        if (!(percent >= 0 && percent < 100) || (!zeroAllowed && percent == 0)) {
            throw new IllegalArgumentException("bad " + option + " '" + text + "': expected a percentage in "
                    + (zeroAllowed ? "[0%" : "(0%") + ", 100%), like 2%");
        }
        return percent / 100;
    }

    /** The "--max-forks" range check, shared by the option and the profile field. */
    static int maxForks(String option, int n) {
        if (n < 2 || n > MAX_FORKS) {
            throw new IllegalArgumentException("bad " + option + " " + n + ": expected an integer in [2, " + MAX_FORKS + "]");
        }
        return n;
    }

    /**
     * The target from a precision text and a cap (either may be null); null when both are.
     *
     * @param where "profile 'x' group 'y'" or "run", for the message
     */
    static PrecisionTarget of(String precision, Integer maxForks, String where) {
        if (precision == null && maxForks == null) {
            return null;
        }
        if (precision == null || maxForks == null) {
            throw new IllegalArgumentException(where + ": " + (precision == null ? "maxForks needs a precision" : "precision needs maxForks")
                    + "; valid: both (e.g. --precision 2% --max-forks 30, or \"precision\": \"2%\", \"maxForks\": 30) or neither");
        }
        return new PrecisionTarget(percent(where + " precision", precision, false), maxForks(where + " maxForks", maxForks));
    }

    /**
     * The profile with {@code run --precision}/{@code --max-forks} applied: each given value replaces
     * the groups' own, and a group left with only one of the two is an error. Neither given: unchanged.
     */
    public static Profile override(Profile p, String precision, Integer maxForks) {
        if (precision == null && maxForks == null) {
            return p;
        }
        double target = precision == null ? Double.NaN : percent("--precision", precision, false);
        int cap = maxForks == null ? 0 : maxForks("--max-forks", maxForks);
        java.util.List<ProfileGroup> groups = new java.util.ArrayList<>();
        for (ProfileGroup g : p.groups()) {
            PrecisionTarget own = g.precision();
            if (own == null && (precision == null || maxForks == null)) {
                throw new IllegalArgumentException((precision == null ? "--max-forks needs --precision" : "--precision needs --max-forks")
                        + ": profile '" + p.name() + "' group '" + g.name() + "' sets neither; valid: both, e.g. --precision 2% --max-forks 30");
            }
            groups.add(g.withPrecision(new PrecisionTarget(precision != null ? target : own.precision(),
                    maxForks != null ? cap : own.maxForks())));
        }
        return new Profile(p.name(), p.description(), p.comparable(), p.failOnError(), groups);
    }

    /** "±2%, at most 30 forks" */
    String describe() {
        return "±" + io.cpabench.results.Numbers.sig(precision * 100, 3) + "%, at most " + maxForks + " forks";
    }
}
