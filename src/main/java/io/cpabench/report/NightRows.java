package io.cpabench.report;

import com.fasterxml.jackson.databind.JsonNode;
import io.cpabench.results.JmhJson;
import io.cpabench.results.JmhRow;
import io.cpabench.stats.PooledRow;
import io.cpabench.stats.RowKey;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;

/**
 * The rows of one night of one runner and JDK, every result file of it pooled as {@code compare} pools
 * a directory (a night resumed or re-run is more forks of the same rows). Unlike compare, a file that
 * cannot be read is left out and named, not fatal: one damaged night must not hide ninety good ones
 * from the page people open when the nightly is red.
 */
final class NightRows {
    private NightRows() {}

    /** The night's rows by key; what was left out goes to {@code leftOut}, one line each. */
    static Map<RowKey, PooledRow> read(HistoryLayout.NightDir night, List<String> leftOut) {
        Map<RowKey, PooledRow> rows = new TreeMap<>();
        List<Path> files;
        try (Stream<Path> s = Files.list(night.dir())) {
            files = s.filter(NightRows::isResultFile).sorted().toList();
        } catch (IOException e) {
            leftOut.add(night.name() + "/: cannot list (" + e.getClass().getSimpleName() + ")");
            return rows;
        }
        for (Path f : files) {
            String name = night.name() + "/" + f.getFileName();
            List<JsonNode> json;
            try {
                json = JmhJson.rows(f);
            } catch (UncheckedIOException e) {
                leftOut.add(name + ": unreadable (" + why(e) + ")");
                continue;
            } catch (IllegalArgumentException e) {
                leftOut.add(name + ": not JMH JSON (not an array of result rows)");
                continue;
            }
            if (json.isEmpty()) {
                leftOut.add(name + ": no result rows (an empty file)");
                continue;
            }
            int skipped = 0;
            for (JsonNode node : json) {
                if (!node.path("benchmark").isTextual() || !node.path("primaryMetric").isObject()) {
                    skipped++;
                    continue;
                }
                JmhRow row = JmhRow.of(node);
                try {
                    rows.merge(RowKey.of(row), PooledRow.of(row), (had, added) -> had.pool(row));
                } catch (IllegalArgumentException e) { // a unit that is neither ops/time nor time/op
                    skipped++;
                }
            }
            if (skipped > 0) {
                leftOut.add(name + ": " + skipped + " of " + json.size() + " rows left out (no benchmark, no primary "
                        + "metric, or a unit neither ops/time nor time/op)");
            }
        }
        return rows;
    }

    private static boolean isResultFile(Path p) {
        String name = p.getFileName().toString();
        return Files.isRegularFile(p) && name.endsWith(".json") && !name.endsWith(".env.json");
    }

    // Jackson's message spans lines and quotes the file; the kind of failure is what a reader needs here.
    private static String why(UncheckedIOException e) {
        Throwable cause = e.getCause() != null ? e.getCause() : e;
        return cause instanceof com.fasterxml.jackson.core.JsonProcessingException ? "invalid JSON"
                : cause.getClass().getSimpleName();
    }
}
