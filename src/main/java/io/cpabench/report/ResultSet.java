package io.cpabench.report;

import com.fasterxml.jackson.databind.JsonNode;
import io.cpabench.results.JmhRow;
import java.nio.file.Path;
import java.util.List;

/**
 * One run's results as the report sees them: the parsed rows for tables, the raw JSON rows for what
 * {@link JmhRow} does not carry (secondary metrics, iteration counts), and the environment file if one
 * sits beside the result file.
 *
 * @param label short name shown in the page, e.g. {@code vm/jdk17/2026-11-26T18-07-00Z}
 * @param env   the {@code .env.json} beside {@code file}, or null when there is none or it is unreadable
 */
public record ResultSet(String label, Path file, List<JsonNode> json, List<JmhRow> rows, JsonNode env) {}
