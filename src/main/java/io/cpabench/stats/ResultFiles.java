package io.cpabench.stats;

import com.fasterxml.jackson.databind.JsonNode;
import io.cpabench.results.JmhRow;
import io.cpabench.results.RunFiles;
import io.cpabench.results.Units;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Reads one side of a comparison: a JMH JSON file, or every JMH JSON file directly in a directory
 * (the {@code .env.json} environment files beside them excluded), with the forks of a row found in
 * several files pooled. Every problem is an {@link IllegalArgumentException} with a one-line message.
 */
public final class ResultFiles {
    private ResultFiles() {}

    public static Map<RowKey, PooledRow> load(String side, Path path) {
        if (!Files.exists(path)) {
            throw new IllegalArgumentException(side + ": no such file or directory: " + path);
        }
        List<JsonNode> rows = Files.isDirectory(path) ? directory(side, path) : file(side, path);
        if (rows.isEmpty()) {
            throw new IllegalArgumentException(side + ": no result rows in " + path);
        }
        Map<RowKey, PooledRow> pooled = new TreeMap<>();
        for (JsonNode node : rows) {
            JmhRow row = JmhRow.of(node);
            pooled.merge(RowKey.of(row), PooledRow.of(row), (had, added) -> had.pool(row));
        }
        return pooled;
    }

    private static List<JsonNode> file(String side, Path file) {
        List<JsonNode> rows = parse(side, file);
        if (rows == null) {
            throw new IllegalArgumentException(side + ": not JMH JSON (an array of result rows): " + file);
        }
        return rows;
    }

    // Other JSON beside the results (an environment file, a report) is not a run and is left out;
    // JSON that does not even parse is a damaged run and stops the comparison.
    private static List<JsonNode> directory(String side, Path dir) {
        List<JsonNode> all = new ArrayList<>();
        for (Path f : RunFiles.list(dir, false, side)) {
            List<JsonNode> rows = parse(side, f);
            if (rows != null) {
                all.addAll(rows);
            }
        }
        return all;
    }

    /** The rows, or null if the JSON is well formed but not JMH's result format with units compare can order. */
    private static List<JsonNode> parse(String side, Path file) {
        List<JsonNode> rows;
        try {
            rows = RunFiles.rows(file).orElse(null);
        } catch (UncheckedIOException e) {
            throw new IllegalArgumentException(side + ": not JMH JSON (unreadable JSON): " + file);
        }
        boolean directional = rows != null && rows.stream().allMatch(r -> isDirectional(r.path("primaryMetric").path("scoreUnit").asText()));
        return directional ? rows : null;
    }

    private static boolean isDirectional(String unit) {
        try {
            Units.higherIsBetter(unit);
            return true;
        } catch (IllegalArgumentException e) {
            return false;
        }
    }
}
