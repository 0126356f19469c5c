package io.cpabench.stats;

/**
 * Text from result files (benchmark names, parameter values) made safe in a Markdown table cell or
 * line: a '|' would end the cell, a newline the row, and '<' start HTML that GitHub renders.
 * compare's Markdown and report's summary.md both use it, so they escape alike.
 */
public final class MarkdownText {
    private MarkdownText() {}

    public static String escape(String s) {
        return s.replace("\\", "\\\\").replace("|", "\\|").replace("<", "&lt;").replace(">", "&gt;")
                .replace("`", "\\`").replace("\r\n", " ").replace("\n", " ").replace("\r", " ");
    }
}
