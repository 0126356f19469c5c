package io.cpabench.run;

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
 * of its text, the core count it was sized for, --workers, the JMH options, the forks' JDK
 * configuration, or the CPython interpreter), where the result belongs (runner, start), the piece ids the plan had, to check the
 * rebuild against, and every JDK configuration of the run in --jdk order with the seed that
 * interleaved their pieces, so a resume continues the same interleaving.
 *
 * @param profile a profile name, or the absolute path of a profile file
 * @param workers the --workers value as given, or null
 * @param jdk     the configuration whose parts directory holds this plan
 * @param jdks    every configuration of the run, baseline first; the run's pieces were interleaved when
 *                there are several (plans written before labels ran their JDKs one after another, and
 *                are resumed one JDK at a time)
 * @param seed    the seed of the order inside each round of the interleaving
 * @param precision {@code run --precision} as given, or null; written only when given, so a plan
 *                  without it reads as before
 * @param maxForks  {@code run --max-forks}, or null; likewise
 */
record RunSpec(String profile, String profileSha256, int cores, String workers, List<String> jmhArgs, ForkTarget jdk,
               String runner, Instant start, List<String> pieceIds, List<ForkTarget> jdks, long seed, String precision,
               Integer maxForks) {
    private static final ObjectMapper MAPPER = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);
    private static final int VERSION = 2;

    static String sha256(String text) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JDK has SHA-256", e);
        }
    }

    boolean interleaved() {
        return jdks.size() > 1;
    }

    String toJson() {
        ObjectNode root = MAPPER.createObjectNode();
        root.put("cpabenchPlan", VERSION);
        root.put("profile", profile);
        root.put("profileSha256", profileSha256);
        root.put("cores", cores);
        root.put("workers", workers);
        jmhArgs.forEach(root.putArray("jmhArgs")::add);
        root.set("jdk", json(jdk));
        root.put("runner", runner);
        root.put("start", start.toString());
        pieceIds.forEach(root.putArray("pieces")::add);
        jdks.forEach(j -> root.withArray("jdks").add(json(j)));
        root.put("seed", seed);
        if (precision != null) {
            root.put("precision", precision);
        }
        if (maxForks != null) {
            root.put("maxForks", maxForks);
        }
        try {
            return MAPPER.writeValueAsString(root) + System.lineSeparator();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    private static ObjectNode json(ForkTarget t) {
        ObjectNode o = MAPPER.createObjectNode();
        if (t instanceof ForkPython py) {
            o.put("label", py.label());
            o.put("python", py.python());
            return o;
        }
        ForkJdk j = (ForkJdk) t;
        o.put("label", j.label());
        o.put("major", j.major());
        o.put("jvm", j.jvm());
        j.args().forEach(o.putArray("args")::add);
        return o;
    }

    /** @throws IllegalArgumentException naming {@code source} when the text is not a plan this version wrote */
    static RunSpec parse(String json, Object source) {
        try {
            JsonNode root = MAPPER.readTree(json);
            int version = root == null ? 0 : root.path("cpabenchPlan").asInt();
            if (version != 1 && version != VERSION) {
                throw new IllegalArgumentException(source + " is not a cpabench plan (version 1 or " + VERSION + ")");
            }
            ForkTarget jdk;
            List<ForkTarget> jdks = new ArrayList<>();
            if (version == 1) {
                // one JDK of a --jdk run that ran its JDKs one after another: it resumes alone
                jdk = new ForkJdk(positive(root, "jdkMajor", source), nullable(root, "jvm"));
                jdks.add(jdk);
            } else {
                jdk = jdk(root.path("jdk"), source);
                for (JsonNode j : root.path("jdks")) {
                    jdks.add(jdk(j, source));
                }
                if (!jdks.contains(jdk)) {
                    throw new IllegalArgumentException(source + " is corrupt: its JDK " + jdk.label() + " is not among the run's");
                }
            }
            return new RunSpec(text(root, "profile", source), text(root, "profileSha256", source),
                    positive(root, "cores", source), nullable(root, "workers"), strings(root.path("jmhArgs")), jdk,
                    text(root, "runner", source), Instant.parse(text(root, "start", source)), strings(root.path("pieces")),
                    List.copyOf(jdks), root.path("seed").asLong(0), nullable(root, "precision"),
                    root.path("maxForks").isInt() ? root.path("maxForks").asInt() : null);
        } catch (IOException | java.time.format.DateTimeParseException e) {
            throw new IllegalArgumentException(source + " is corrupt: " + e.getMessage().lines().findFirst().orElse(""), e);
        }
    }

    private static ForkTarget jdk(JsonNode o, Object source) {
        if (o.has("python")) {
            if (!text(o, "label", source).matches(io.cpabench.results.ResultPaths.CPYTHON_LABEL)) {
                throw new IllegalArgumentException(source + " is corrupt: bad CPython label " + o.path("label"));
            }
            return new ForkPython(text(o, "label", source), text(o, "python", source));
        }
        if (!text(o, "label", source).matches(JdkOption.LABEL)) {
            throw new IllegalArgumentException(source + " is corrupt: bad JDK label " + o.path("label"));
        }
        return new ForkJdk(positive(o, "major", source), nullable(o, "jvm"), text(o, "label", source), strings(o.path("args")));
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

    private static List<String> strings(JsonNode array) {
        List<String> out = new ArrayList<>();
        array.forEach(v -> out.add(v.asText()));
        return List.copyOf(out);
    }
}
