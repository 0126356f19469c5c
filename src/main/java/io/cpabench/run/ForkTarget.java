package io.cpabench.run;

/**
 * What one configuration of a run forks: a JDK ({@link ForkJdk}: JMH's forks on that java) or a CPython
 * interpreter ({@link ForkPython}: the harness in python/, each fork a fresh interpreter). Both get the
 * same plan machinery: pieces, their interleaving, a parts directory, resume and one result set each.
 */
public sealed interface ForkTarget permits ForkJdk, ForkPython {
    /** The label as given and as plan.json keeps it: {@code 17}, {@code 25-zgc}, {@code cpython3.13t}. */
    String label();

    /** The result set's directory under the runner's: {@code jdk17}, {@code cpython3.13t}. */
    String directoryName();

    /** "JDK 25-zgc (/path/bin/java -XX:+UseZGC)", "CPython 3.13t (/usr/bin/python3.13t)" for headers. */
    String describe();

    /** "JDK 25", "cpython3.13t": who a progress line's piece runs on. */
    String progressName();
}
