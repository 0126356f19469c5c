package io.cpabench.report;

import java.util.List;

/** Markdown pieces for summary.md; cell text is escaped so a parameter value cannot break a table or inject HTML. */
final class Md {
    private Md() {}

    static String esc(String s) {
        if (s == null || s.isEmpty()) {
            return "no data";
        }
        return io.cpabench.stats.MarkdownText.escape(s);
    }

    static String table(List<String> headers, List<List<String>> rows) {
        StringBuilder out = new StringBuilder("|");
        StringBuilder rule = new StringBuilder("|");
        for (String h : headers) {
            boolean num = h.startsWith(">");
            out.append(' ').append(esc(num ? h.substring(1) : h)).append(" |");
            rule.append(num ? "---:|" : "---|");
        }
        out.append('\n').append(rule).append('\n');
        for (List<String> r : rows) {
            out.append('|');
            r.forEach(c -> out.append(' ').append(esc("n/a".equals(c) || "—".equals(c) ? "" : c)).append(" |"));
            out.append('\n');
        }
        return out.toString();
    }

    /** A fenced block for preformatted text; backtick runs inside cannot close it early. */
    static String pre(String text) {
        return "```text\n" + text.replace("```", "ˋˋˋ").stripTrailing() + "\n```\n";
    }
}
