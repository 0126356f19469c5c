package io.cpabench.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;

/**
 * The content of a run's {@code plan.json}: the inputs that rebuild the same plan (profile and a hash
 * of its text, the core count it was sized for, --workers, the JMH options, the forks' JDK), where
 * the result belongs (runner, start), the piece ids the plan had, to check the rebuild against, and
 * every JDK of the run in --jdk order, so the last JDK resumed can print the compare across them.
 *
 * @param profile a profile name, or the absolute path of a profile file
 * @param workers the --workers value as given, or null
 * @param jvm     the forks' java, or null for the java running the CLI
 * @param jdks    the majors of every JDK the run planned, baseline first; empty in plans written before it was kept
 */
record RunSpec(String profile, String profileSha256, int cores, String workers, List<String> jmhArgs, int jdkMajor,
               String jvm, String runner, Instant start, List<String> pieceIds, List<Integer> jdks) {
    private static final ObjectMapper MAPPER = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);
    private static final int VERSION = 1;

    static String sha256(String text) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JDK has SHA-256", e);
        }
    }

    String toJson() {
        ObjectNode root = MAPPER.createObjectNode();
        root.put("cpabenchPlan", VERSION);
        root.put("profile", profile);
        root.put("profileSha256", profileSha256);
        root.put("cores", cores);
        root.put("workers", workers);
        jmhArgs.forEach(root.putArray("jmhArgs")::add);
        root.put("jdkMajor", jdkMajor);
        root.put("jvm", jvm);
        root.put("runner", runner);
        root.put("start", start.toString());
        pieceIds.forEach(root.putArray("pieces")::add);
        jdks.forEach(root.putArray("jdks")::add);
        try {
            return MAPPER.writeValueAsString(root) + System.lineSeparator();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    /** @throws IllegalArgumentException naming {@code source} when the text is not a plan this version wrote */
    static RunSpec parse(String json, Object source) {
        try {
            JsonNode root = MAPPER.readTree(json);
            if (root == null || root.path("cpabenchPlan").asInt() != VERSION) {
                throw new IllegalArgumentException(source + " is not a cpabench plan (version " + VERSION + ")");
            }
            return new RunSpec(text(root, "profile", source), text(root, "profileSha256", source),
                    positive(root, "cores", source), nullable(root, "workers"), strings(root.path("jmhArgs")),
                    positive(root, "jdkMajor", source), nullable(root, "jvm"), text(root, "runner", source),
                    Instant.parse(text(root, "start", source)), strings(root.path("pieces")), majors(root.path("jdks")));
        } catch (IOException | java.time.format.DateTimeParseException e) {
            throw new IllegalArgumentException(source + " is corrupt: " + e.getMessage().lines().findFirst().orElse(""), e);
        }
    }

    private static String text(JsonNode root, String field, Object source) {
        JsonNode n = root.path(field);
        if (!n.isTextual() || n.asText().isEmpty()) {
            throw new IllegalArgumentException(source + " is corrupt: no " + field);
        }
        return n.asText();
    }

    private static int positive(JsonNode root, String field, Object source) {
        int n = root.path(field).asInt(0);
        if (n < 1) {
            throw new IllegalArgumentException(source + " is corrupt: no " + field);
        }
        return n;
    }

    private static String nullable(JsonNode root, String field) {
        JsonNode n = root.path(field);
        return n.isTextual() ? n.asText() : null;
    }

    private static List<Integer> majors(JsonNode array) {
        List<Integer> out = new ArrayList<>();
        array.forEach(v -> out.add(v.asInt()));
        return List.copyOf(out);
    }

    private static List<String> strings(JsonNode array) {
        List<String> out = new ArrayList<>();
        array.forEach(v -> out.add(v.asText()));
        return List.copyOf(out);
    }
}
