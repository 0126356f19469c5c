package io.cpabench.run;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.BiConsumer;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;
import org.openjdk.jmh.runner.options.TimeValue;

/**
 * The shape of a profile, checked when it is read: every field known, of its type and range, so a
 * misspelt {@code forkz} or a {@code "forks": "many"} is one line naming the field and the valid
 * choices instead of being ignored or read as 1. What needs the benchmarks themselves (a regex that
 * selects nothing, a parameter they lack) is {@link PlanCheck}'s.
 */
final class ProfileSchema {
    // A value is a JSON scalar, or a "${cores}"-style placeholder Profiles expands.
    private static final Pattern PLACEHOLDER = Pattern.compile(".*\\$\\{[^}]*}.*");

    private static final Map<String, BiConsumer<Where, JsonNode>> TOP = new LinkedHashMap<>();
    private static final Map<String, BiConsumer<Where, JsonNode>> GROUP = new LinkedHashMap<>();
    private static final Map<String, BiConsumer<Where, JsonNode>> WARMUP = new LinkedHashMap<>();

    static {
        TOP.put("name", ProfileSchema::text);
        TOP.put("description", ProfileSchema::text);
        TOP.put("comparable", ProfileSchema::bool);
        TOP.put("failOnError", ProfileSchema::bool);
        TOP.put("defaults", (w, n) -> fields(w, n, GROUP));
        TOP.put("groups", ProfileSchema::groups);
        GROUP.put("name", ProfileSchema::text);
        GROUP.put("include", ProfileSchema::regex);
        GROUP.put("params", ProfileSchema::params);
        GROUP.put("forks", (w, n) -> integer(w, n, 0));
        GROUP.put("warmupIterations", (w, n) -> integer(w, n, 0));
        GROUP.put("warmupTime", ProfileSchema::time);
        GROUP.put("measurementIterations", (w, n) -> integer(w, n, 1));
        GROUP.put("measurementTime", ProfileSchema::time);
        GROUP.put("threads", ProfileSchema::threads);
        GROUP.put("jvmArgs", ProfileSchema::strings);
        GROUP.put("slowWarmup", ProfileSchema::slowWarmup);
        GROUP.put("precision", ProfileSchema::precision);
        GROUP.put("maxForks", (w, n) -> {
            integer(w, n, 2);
            PrecisionTarget.maxForks(w.text(), n.asInt());
        });
        GROUP.put("why", ProfileSchema::text);
        WARMUP.put("iterations", (w, n) -> integer(w, n, 1));
        WARMUP.put("time", ProfileSchema::time);
        WARMUP.put("why", ProfileSchema::text);
    }

    /** Where a value sits, for the message: "profile 'x' group 'cpu' forks". */
    private record Where(String text) {
        Where at(String field) {
            return new Where(text + " " + field);
        }

        IllegalArgumentException bad(String what) {
            return new IllegalArgumentException(text + ": " + what);
        }
    }

    private ProfileSchema() {}

    /** @throws IllegalArgumentException for the first field out of shape, naming it and what is valid */
    static void check(JsonNode root, String profile) {
        Where where = new Where("profile '" + profile + "'");
        if (!root.isObject()) {
            throw where.bad("must be a JSON object with groups; valid fields: " + String.join(", ", TOP.keySet()));
        }
        fields(where, root, TOP);
    }

    private static void fields(Where where, JsonNode node, Map<String, BiConsumer<Where, JsonNode>> schema) {
        if (!node.isObject()) {
            throw where.bad("must be an object with fields " + String.join(", ", schema.keySet()));
        }
        for (Iterator<Map.Entry<String, JsonNode>> it = node.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> f = it.next();
            BiConsumer<Where, JsonNode> check = schema.get(f.getKey());
            if (check == null) {
                throw where.bad("unknown field '" + f.getKey() + "'; valid: " + String.join(", ", schema.keySet()));
            }
            check.accept(where.at(f.getKey()), f.getValue());
        }
    }

    private static void groups(Where where, JsonNode node) {
        if (!node.isArray()) {
            throw where.bad("must be an array of group objects");
        }
        int i = 0;
        for (JsonNode g : node) {
            i++;
            String name = g.path("name").isTextual() ? g.path("name").asText() : "group" + i;
            fields(new Where(where.text().replaceFirst(" groups$", "") + " group '" + name + "'"), g, GROUP);
        }
    }

    private static void text(Where where, JsonNode node) {
        if (!node.isTextual()) {
            throw where.bad("must be a string, not " + node);
        }
    }

    private static void bool(Where where, JsonNode node) {
        if (!node.isBoolean()) {
            throw where.bad("must be true or false, not " + node);
        }
    }

    private static void integer(Where where, JsonNode node, int min) {
        if (!node.isIntegralNumber() || !node.canConvertToInt() || node.asInt() < min) {
            throw where.bad("must be an integer of at least " + min + ", not " + node);
        }
    }

    private static void time(Where where, JsonNode node) {
        text(where, node);
        try {
            TimeValue.fromString(node.asText());
        } catch (RuntimeException e) {
            throw where.bad("'" + node.asText() + "' is not a JMH time; valid: a number and a unit, e.g. 400ms, 1s, 2min");
        }
    }

    /** "2%": the interval's target half-width, as --precision takes it. */
    private static void precision(Where where, JsonNode node) {
        text(where, node);
        PrecisionTarget.percent(where.text(), node.asText(), false);
    }

    private static void regex(Where where, JsonNode node) {
        text(where, node);
        try {
            Pattern.compile(node.asText());
        } catch (PatternSyntaxException e) {
            throw where.bad("'" + node.asText() + "' is not a regular expression: " + e.getDescription());
        }
    }

    private static void scalar(Where where, JsonNode v) {
        if (!v.isTextual() && !v.isNumber() && !v.isBoolean()) {
            throw where.bad("values must be strings or numbers, not " + v);
        }
    }

    /** A scalar or a non-empty array of scalars. */
    private static void values(Where where, JsonNode node) {
        if (node.isArray()) {
            if (node.isEmpty()) {
                throw where.bad("must list at least one value");
            }
            node.forEach(v -> scalar(where, v));
        } else {
            scalar(where, node);
        }
    }

    private static void params(Where where, JsonNode node) {
        if (!node.isObject()) {
            throw where.bad("must be an object of parameter name to values, e.g. {\"workers\": [1, 2]}");
        }
        node.fields().forEachRemaining(p -> values(where.at(p.getKey()), p.getValue()));
    }

    /** Positive integers, or a placeholder such as "${cores}" or "${powers of 2 up to cores}". */
    private static void threads(Where where, JsonNode node) {
        values(where, node);
        for (JsonNode v : node.isArray() ? node : java.util.List.of(node)) {
            boolean ok = v.isIntegralNumber() ? v.asInt() >= 1
                    : v.isTextual() && (v.asText().matches("[1-9]\\d*") || PLACEHOLDER.matcher(v.asText()).matches());
            if (!ok) {
                throw where.bad("'" + v.asText() + "' is not a thread count; valid: a positive integer or a placeholder such as ${cores}");
            }
        }
    }

    private static void strings(Where where, JsonNode node) {
        if (node.isArray()) {
            node.forEach(v -> text(where, v));
        } else {
            text(where, node);
        }
    }

    private static void slowWarmup(Where where, JsonNode node) {
        if (!node.isObject()) {
            throw where.bad("must be an object of model to warm-up, e.g. {\"MULTI_INTERPRETER\": {\"iterations\": 6}}");
        }
        node.fields().forEachRemaining(m -> fields(where.at(m.getKey()), m.getValue(), WARMUP));
    }
}
