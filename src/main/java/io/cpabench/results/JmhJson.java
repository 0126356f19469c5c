package io.cpabench.results;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** Reads and merges JMH's JSON result format without reinterpreting a single row. */
public final class JmhJson {
    // BigDecimal keeps every score digit JMH wrote; doubles would reprint them differently.
    static final ObjectMapper MAPPER = new ObjectMapper()
            .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
            .enable(SerializationFeature.INDENT_OUTPUT);

    private JmhJson() {}

    /** The rows of one JMH JSON file (an array); an empty or missing file has none. */
    public static List<JsonNode> rows(Path file) {
        try {
            if (!file.toFile().isFile() || file.toFile().length() == 0) {
                return List.of();
            }
            return rows(MAPPER.readTree(file.toFile()));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read JMH results " + file, e);
        }
    }

    public static List<JsonNode> rows(String json) {
        try {
            return rows(MAPPER.readTree(json));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot parse JMH results", e);
        }
    }

    private static List<JsonNode> rows(JsonNode root) {
        if (root == null || root.isMissingNode() || root.isNull()) {
            return List.of();
        }
        if (!root.isArray()) {
            throw new IllegalArgumentException("not JMH JSON: expected an array of result rows");
        }
        List<JsonNode> out = new ArrayList<>();
        root.forEach(out::add);
        return out;
    }

    /** Concatenates the groups' rows in run order: the merged file is still plain JMH JSON. */
    public static ArrayNode merge(List<Path> files) {
        ArrayNode all = MAPPER.createArrayNode();
        for (Path f : files) {
            rows(f).forEach(all::add);
        }
        return all;
    }

    public static ArrayNode emptyArray() {
        return MAPPER.createArrayNode();
    }

    public static String toJson(JsonNode node) {
        try {
            return MAPPER.writeValueAsString(node) + System.lineSeparator();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
