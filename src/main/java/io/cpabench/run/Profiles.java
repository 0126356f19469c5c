package io.cpabench.run;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.cpabench.model.ExecutionModel;
import io.cpabench.workload.Workload;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Enumeration;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.jar.JarEntry;
import java.util.jar.JarFile;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * Finds and reads profiles: packaged in the jar under {@code profiles/}, or from {@code benchmarks/}
 * when run from a checkout, or any {@code .json} path the user names.
 */
public final class Profiles {
    static final String RESOURCE_DIR = "profiles/";
    static final Path SOURCE_DIR = Path.of("benchmarks");
    private static final Pattern POWERS =
            Pattern.compile("\\$\\{\\s*powers of 2 up to\\s+(?:(\\d+)\\s*\\*\\s*)?cores\\s*}");
    private static final Pattern CORES = Pattern.compile("\\$\\{\\s*(?:(\\d+)\\s*\\*\\s*)?cores(?:\\s*\\*\\s*(\\d+))?\\s*}");
    /** {@code ${all models}}, {@code ${all workloads}}: every constant, in declaration order. */
    private static final Map<String, List<String>> ALL = Map.of(
            "${all models}", Arrays.stream(ExecutionModel.values()).map(Enum::name).toList(),
            "${all workloads}", Arrays.stream(Workload.values()).map(Enum::name).toList());
    private static final ObjectMapper MAPPER = new ObjectMapper();

    private Profiles() {}

    /** Loads a profile by name (or .json path), substituting {@code ${cores}}; unknown names list the valid ones. */
    public static Profile load(String nameOrPath, int cores) {
        return parse(read(nameOrPath), nameOrPath, cores);
    }

    public static String read(String nameOrPath) {
        try {
            Path file = Path.of(nameOrPath);
            if (nameOrPath.endsWith(".json") && Files.isRegularFile(file)) {
                return Files.readString(file);
            }
            if (nameOrPath.matches("[A-Za-z0-9_-]+")) {
                try (InputStream in = Profiles.class.getClassLoader().getResourceAsStream(RESOURCE_DIR + nameOrPath + ".json")) {
                    if (in != null) {
                        return new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
                    }
                }
                Path source = SOURCE_DIR.resolve(nameOrPath + ".json");
                if (Files.isRegularFile(source)) {
                    return Files.readString(source);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read profile " + nameOrPath, e);
        }
        throw new IllegalArgumentException("unknown profile '" + nameOrPath + "'; valid: " + String.join(", ", names())
                + " (or a path to a .json profile)");
    }

    /** Parses profile JSON; each group inherits unset fields from the profile's {@code defaults}. */
    public static Profile parse(String json, String fallbackName, int cores) {
        try {
            JsonNode root = MAPPER.readTree(json);
            ProfileSchema.check(root, fallbackName);
            JsonNode defaults = root.path("defaults");
            List<ProfileGroup> groups = new ArrayList<>();
            int index = 0;
            for (JsonNode g : root.path("groups")) {
                ObjectNode merged = defaults.isObject() ? ((ObjectNode) defaults).deepCopy() : MAPPER.createObjectNode();
                merged.setAll((ObjectNode) g);
                groups.add(group(merged, "group" + (++index), cores));
            }
            if (groups.isEmpty()) {
                throw new IllegalArgumentException("profile '" + fallbackName + "' has no groups");
            }
            return new Profile(root.path("name").asText(fallbackName), root.path("description").asText(""),
                    root.path("comparable").asBoolean(true), root.path("failOnError").asBoolean(false), groups);
        } catch (IOException e) {
            throw new IllegalArgumentException("profile '" + fallbackName + "' is not valid JSON: " + e.getMessage(), e);
        }
    }

    private static ProfileGroup group(JsonNode g, String defaultName, int cores) {
        String include = g.path("include").asText("");
        if (include.isEmpty()) {
            throw new IllegalArgumentException("profile group '" + g.path("name").asText(defaultName) + "' has no include regex");
        }
        Map<String, List<String>> params = new LinkedHashMap<>();
        for (Iterator<Map.Entry<String, JsonNode>> it = g.path("params").fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> e = it.next();
            params.put(e.getKey(), values(e.getValue(), cores));
        }
        List<Integer> threads = new ArrayList<>();
        String name = g.path("name").asText(defaultName);
        for (String t : values(g.path("threads"), cores)) {
            try {
                threads.add(Integer.parseInt(t));
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException("profile group '" + name + "' threads: '" + t
                        + "' is not a thread count; valid: a positive integer, ${cores}, ${N*cores} or ${powers of 2 up to [N*]cores}");
            }
        }
        int warmupIterations = g.path("warmupIterations").asInt(1);
        String warmupTime = g.path("warmupTime").asText("1s");
        return new ProfileGroup(name, include, params, g.path("forks").asInt(1), warmupIterations, warmupTime,
                g.path("measurementIterations").asInt(3), g.path("measurementTime").asText("1s"),
                threads, values(g.path("jvmArgs"), cores), slowWarmup(g.path("slowWarmup"), name, warmupIterations, warmupTime),
                PrecisionTarget.of(g.path("precision").isTextual() ? g.path("precision").asText() : null,
                        g.path("maxForks").isInt() ? g.path("maxForks").asInt() : null, "profile group '" + name + "'"));
    }

    /** {@code "slowWarmup": {"MULTI_INTERPRETER": {"iterations": 6, "time": "1s"}}}, model names checked. */
    private static Map<String, ProfileGroup.Warmup> slowWarmup(JsonNode node, String group, int iterations, String time) {
        Map<String, ProfileGroup.Warmup> out = new LinkedHashMap<>();
        for (Iterator<Map.Entry<String, JsonNode>> it = node.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> e = it.next();
            String model;
            try {
                model = ExecutionModel.parse(e.getKey()).name();
            } catch (IllegalArgumentException bad) {
                throw new IllegalArgumentException("profile group '" + group + "' slowWarmup: " + bad.getMessage(), bad);
            }
            int n = e.getValue().path("iterations").asInt(iterations);
            if (n < 1) {
                throw new IllegalArgumentException("profile group '" + group + "' slowWarmup " + model + ": iterations must be at least 1");
            }
            String t = e.getValue().path("time").asText(time);
            try {
                org.openjdk.jmh.runner.options.TimeValue.fromString(t);
            } catch (RuntimeException bad) {
                throw new IllegalArgumentException("profile group '" + group + "' slowWarmup " + model + ": time '" + t
                        + "' is not a JMH time such as 400ms or 1s", bad);
            }
            out.put(model, new ProfileGroup.Warmup(n, t));
        }
        return out;
    }

    /** A JSON scalar or array as strings, {@code ${cores}} substituted, duplicates dropped (cores may equal 2). */
    static List<String> values(JsonNode node, int cores) {
        Set<String> out = new LinkedHashSet<>();
        if (node.isArray()) {
            node.forEach(v -> out.addAll(expand(v.asText(), cores)));
        } else if (!node.isMissingNode() && !node.isNull()) {
            out.addAll(expand(node.asText(), cores));
        }
        return List.copyOf(out);
    }

    /**
     * {@code ${powers of 2 up to 2*cores}} becomes 1, 2, 4 … up to that limit, plus the core count and
     * the limit themselves when they are not powers of two (6 cores: 1, 2, 4, 6, 8, 12), so worker
     * sweeps size themselves to the machine; {@code ${all models}} and {@code ${all workloads}} become
     * every one this build has, so a new model or workload joins the profiles that say so; any other
     * value is {@link #substitute}d.
     */
    static List<String> expand(String value, int cores) {
        List<String> all = ALL.get(value.trim().replaceAll("\\s+", " "));
        if (all != null) {
            return all;
        }
        Matcher m = POWERS.matcher(value.trim());
        if (!m.matches()) {
            return List.of(substitute(value, cores));
        }
        int limit = (m.group(1) != null ? Integer.parseInt(m.group(1)) : 1) * cores;
        java.util.TreeSet<Integer> n = new java.util.TreeSet<>();
        for (int p = 1; p <= limit; p *= 2) {
            n.add(p);
        }
        n.add(Math.min(cores, limit));
        n.add(limit);
        return n.stream().map(String::valueOf).toList();
    }

    /** Replaces {@code ${cores}}, {@code ${2*cores}} or {@code ${cores*2}} by the number. */
    static String substitute(String value, int cores) {
        Matcher m = CORES.matcher(value);
        StringBuilder out = new StringBuilder();
        while (m.find()) {
            int factor = m.group(1) != null ? Integer.parseInt(m.group(1)) : m.group(2) != null ? Integer.parseInt(m.group(2)) : 1;
            m.appendReplacement(out, String.valueOf(factor * cores));
        }
        m.appendTail(out);
        return out.toString();
    }

    /** Every profile name this build can find, sorted. */
    public static Set<String> names() {
        Set<String> names = new TreeSet<>();
        try {
            Enumeration<URL> dirs = Profiles.class.getClassLoader().getResources(RESOURCE_DIR);
            while (dirs.hasMoreElements()) {
                collect(dirs.nextElement(), names);
            }
            URL self = Profiles.class.getProtectionDomain().getCodeSource().getLocation();
            if (self != null && self.getPath().endsWith(".jar")) {
                try (JarFile jar = new JarFile(Path.of(self.toURI()).toFile())) {
                    for (Enumeration<JarEntry> e = jar.entries(); e.hasMoreElements(); ) {
                        addName(e.nextElement().getName(), names);
                    }
                }
            }
            if (Files.isDirectory(SOURCE_DIR)) {
                try (Stream<Path> files = Files.list(SOURCE_DIR)) {
                    files.forEach(f -> addName(RESOURCE_DIR + f.getFileName(), names));
                }
            }
        } catch (IOException | URISyntaxException | RuntimeException e) {
            // listing is a courtesy for the error message; the names found so far are still right
        }
        return names;
    }

    private static void collect(URL dir, Set<String> names) throws IOException, URISyntaxException {
        if ("file".equals(dir.getProtocol())) {
            try (Stream<Path> files = Files.list(Path.of(dir.toURI()))) {
                files.forEach(f -> addName(RESOURCE_DIR + f.getFileName(), names));
            }
        }
    }

    private static void addName(String entry, Set<String> names) {
        if (entry.startsWith(RESOURCE_DIR) && entry.endsWith(".json") && entry.indexOf('/', RESOURCE_DIR.length()) < 0) {
            names.add(entry.substring(RESOURCE_DIR.length(), entry.length() - 5));
        }
    }
}
