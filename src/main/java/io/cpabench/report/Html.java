package io.cpabench.report;

import java.util.List;

/** The few HTML pieces the report is built from; every text that came from a file goes through {@link #esc}. */
final class Html {
    static final String NO_DATA_CLASS = "no-data";

    private Html() {}

    /** Escapes for both element text and quoted attribute values. */
    static String esc(String s) {
        if (s == null) {
            return "";
        }
        StringBuilder out = new StringBuilder(s.length() + 16);
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '<': out.append("&lt;"); break;
                case '>': out.append("&gt;"); break;
                case '&': out.append("&amp;"); break;
                case '"': out.append("&quot;"); break;
                case '\'': out.append("&#39;"); break;
                default: out.append(c);
            }
        }
        return out.toString();
    }

    /** A visible placeholder, so a missing number or chart is seen as missing rather than as zero. */
    static String noData(String why) {
        return "<p class=\"" + NO_DATA_CLASS + "\">no data: " + esc(why) + "</p>";
    }

    /** A table; cells are plain text (escaped here), numeric columns are those whose header starts with '>'. */
    static String table(List<String> headers, List<List<String>> rows) {
        StringBuilder out = new StringBuilder("<table><thead><tr>");
        boolean[] num = new boolean[headers.size()];
        for (int i = 0; i < headers.size(); i++) {
            String h = headers.get(i);
            num[i] = h.startsWith(">");
            out.append(num[i] ? "<th class=\"num\">" : "<th>").append(esc(num[i] ? h.substring(1) : h)).append("</th>");
        }
        out.append("</tr></thead><tbody>");
        for (List<String> r : rows) {
            out.append("<tr>");
            for (int i = 0; i < r.size(); i++) {
                String cell = r.get(i);
                boolean missing = cell == null || cell.isEmpty() || "n/a".equals(cell) || "—".equals(cell);
                String cls = (i < num.length && num[i] ? "num" : "") + (missing ? " " + NO_DATA_CLASS : "");
                out.append(cls.isBlank() ? "<td>" : "<td class=\"" + cls.strip() + "\">")
                        .append(missing ? "no data" : esc(cell)).append("</td>");
            }
            out.append("</tr>");
        }
        return out.append("</tbody></table>").toString();
    }
}
