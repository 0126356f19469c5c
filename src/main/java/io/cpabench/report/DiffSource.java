package io.cpabench.report;

/** Where the report's diff comes from: fork-level statistics when available, JMH's own errors otherwise. */
interface DiffSource {
    Diff compare(ResultSet oldSet, ResultSet newSet);
}
