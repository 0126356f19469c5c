package io.cpabench.stats;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.cpabench.results.EnvironmentFile;
import io.cpabench.results.PrecisionOutcome;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Map;
import java.util.TreeMap;

/**
 * A compared row that a side's run marked too noisy on its machine: it forked until precise, reached
 * its cap and its interval was still wider than its target. Such a row is shown apart, never judged:
 * a verdict on it would be the machine's noise, and a nightly that fails on noise gets ignored.
 *
 * @param oldMark the old side's mark, or null when that side reached its precision (or did not ask)
 * @param newMark likewise for the new side
 */
public record TooNoisy(RowComparison row, PrecisionOutcome oldMark, PrecisionOutcome newMark) {
    private static final ObjectMapper MAPPER = new ObjectMapper();

    /**
     * The rows marked too noisy in the environment files of one side (a result file's, or every one in
     * a directory). Pooled runs: a row marked in any of them is marked, with the last mark read. A
     * damaged environment file costs its marks, not the comparison.
     */
    public static Map<RowKey, PrecisionOutcome> marks(Path side) {
        Map<RowKey, PrecisionOutcome> out = new TreeMap<>();
        for (Path env : SideLoad.envFiles(side)) {
            try {
                out.putAll(marks(MAPPER.readTree(env.toFile())));
            } catch (IOException e) {
                // as SideLoad: an unreadable file says nothing about its rows
            }
        }
        return out;
    }

    /** The rows one environment file (read already; null for none) marks too noisy; a damaged entry is left out. */
    public static Map<RowKey, PrecisionOutcome> marks(JsonNode env) {
        Map<RowKey, PrecisionOutcome> out = new TreeMap<>();
        if (env == null) {
            return out;
        }
        for (JsonNode o : env.path(EnvironmentFile.FORKS_UNTIL_PRECISE)) {
            try {
                PrecisionOutcome p = PrecisionOutcome.of(o);
                if (p.tooNoisy()) {
                    out.put(new RowKey(p.benchmark(), p.mode(), p.threads(), p.params()), p);
                }
            } catch (IllegalArgumentException e) {
                // a damaged entry says nothing about its row
            }
        }
        return out;
    }

    /** "old: spread 18% after 30 forks, ±6.4% (wanted ±2%)", per marked side, joined by "; ". */
    public String marksText() {
        StringBuilder s = new StringBuilder();
        if (oldMark != null) {
            s.append("old").append(spreadOf(oldMark));
        }
        if (newMark != null) {
            s.append(s.length() == 0 ? "" : "; ").append("new").append(spreadOf(newMark));
        }
        return s.toString();
    }

    private static String spreadOf(PrecisionOutcome m) {
        String d = m.describe();
        return d.substring(d.lastIndexOf(": spread "));
    }
}
