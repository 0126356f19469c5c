package io.cpabench.results;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * The one reader of stored runs for compare and report: which files in a directory are runs (JMH JSON,
 * not the {@code .env.json} environment files beside them), and the rows of one, if it is JMH's format.
 * What a problem means (skip the file, or stop) is the caller's; every problem it raises is an
 * {@link IllegalArgumentException} with a one-line message.
 */
public final class RunFiles {
    private RunFiles() {}

    /**
     * The run files in {@code dir}, sorted by path (jdk17 before jdk25, older runs before newer).
     *
     * @param below also those in subdirectories, at any depth
     * @param what  who is listing, the message's prefix ("report", "old")
     */
    public static List<Path> list(Path dir, boolean below, String what) {
        try (Stream<Path> files = below ? Files.walk(dir) : Files.list(dir)) {
            return files.filter(Files::isRegularFile)
                    .filter(p -> p.getFileName().toString().endsWith(".json"))
                    .filter(p -> !p.getFileName().toString().endsWith(".env.json"))
                    .sorted().toList();
        } catch (IOException e) {
            throw new IllegalArgumentException(what + ": cannot list " + dir + ": " + e.getMessage());
        }
    }

    /**
     * The file's result rows, or empty when it is JSON but not JMH's result format (an array of rows,
     * each with a benchmark and a primary metric with a unit).
     *
     * @throws UncheckedIOException when it cannot be read or is not JSON at all
     */
    public static Optional<List<JsonNode>> rows(Path file) {
        List<JsonNode> rows;
        try {
            rows = JmhJson.rows(file);
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
        boolean jmh = rows.stream().allMatch(r -> r.path("benchmark").isTextual()
                && r.path("primaryMetric").path("scoreUnit").isTextual());
        return jmh ? Optional.of(rows) : Optional.empty();
    }
}
