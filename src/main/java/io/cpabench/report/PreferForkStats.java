package io.cpabench.report;

/**
 * Fork-level statistics when the runs have the forks for them; otherwise (quick and smoke profiles
 * run one fork) JMH's own errors, so a diff of two laptop runs still shows something, labelled as such.
 */
final class PreferForkStats implements DiffSource {
    @Override
    public Diff compare(ResultSet oldSet, ResultSet newSet) {
        Diff forks = new ForkStatsDiff().compare(oldSet, newSet);
        if (ForkStatsDiff.anyRatio(forks)) {
            return forks;
        }
        Diff jmh = new JmhErrorDiff().compare(oldSet, newSet);
        return new Diff(jmh.oldLabel(), jmh.newLabel(), "fewer than 2 forks per row, so no fork-level interval: "
                + jmh.method(), jmh.minEffect(), jmh.rows());
    }
}
