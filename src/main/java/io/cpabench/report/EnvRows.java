package io.cpabench.report;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.StreamSupport;

/**
 * An environment file as key/value rows, nested objects as dotted keys, so a richer file (fork JVM,
 * cgroup limits, build info) shows up without the report knowing its fields. A long list of records
 * (the machine load of each of hundreds of pieces) is counted, not spelled out: it stays in the file.
 */
final class EnvRows {
    static final int LONGEST_LIST = 10;

    private EnvRows() {}

    static List<List<String>> of(JsonNode env) {
        List<List<String>> out = new ArrayList<>();
        if (env != null) {
            flatten("", env, out);
        }
        return out;
    }

    private static void flatten(String prefix, JsonNode node, List<List<String>> out) {
        if (node.isObject()) {
            Iterator<Map.Entry<String, JsonNode>> it = node.fields();
            while (it.hasNext()) {
                Map.Entry<String, JsonNode> e = it.next();
                flatten(prefix.isEmpty() ? e.getKey() : prefix + "." + e.getKey(), e.getValue(), out);
            }
        } else if (node.isArray()) {
            boolean scalars = StreamSupport.stream(node.spliterator(), false).allMatch(JsonNode::isValueNode);
            if (scalars) {
                out.add(List.of(prefix, StreamSupport.stream(node.spliterator(), false).map(JsonNode::asText)
                        .collect(Collectors.joining("; ")).replaceFirst("^$", "(none)")));
            } else if (node.size() > LONGEST_LIST) {
                out.add(List.of(prefix, node.size() + " entries (in the environment file)"));
            } else {
                for (int i = 0; i < node.size(); i++) {
                    flatten(prefix + "[" + i + "]", node.get(i), out);
                }
            }
        } else {
            String v = node.asText();
            out.add(List.of(prefix, v.isEmpty() ? "(empty)" : v));
        }
    }
}
