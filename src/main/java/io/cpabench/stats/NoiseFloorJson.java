package io.cpabench.stats;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.TreeMap;

/**
 * The noise-floor file: what {@code noise-floor --out} writes and {@code report --noise-floor} (or the
 * nightly) reads back. One object per JDK label, one per row in it; fractions, not percentages
 * ({@code detectable_effect} 0.031 = 3.1%); {@code forks_needed} maps a band ("2%") to the forks a side whose
 * detectable effect is within it.
 */
public final class NoiseFloorJson {
    static final String KIND = "cpabench noise floor";
    private static final ObjectMapper MAPPER = new ObjectMapper();

    private NoiseFloorJson() {}

    public static String render(NoiseFloor f) {
        ObjectNode root = MAPPER.createObjectNode();
        root.put("kind", KIND);
        root.put("alpha", f.alpha()).put("power", f.power());
        root.put("method", "detectable_effect: smallest change a two-sided Welch t test on log fork means finds with the given"
                + " power at alpha, at these runs' forks; spread: sd of log fork means; forks_needed: forks a side for"
                + " a detectable effect within that band, if the fork means keep their spread");
        ArrayNode sets = root.putArray("sets");
        for (NoiseFloor.Calibration c : f.sets()) {
            ObjectNode s = sets.addObject().put("label", c.label()).put("old", c.oldPath().toString()).put("new", c.newPath().toString());
            ArrayNode rows = s.putArray("rows");
            c.rows().forEach(r -> row(rows.addObject(), r));
        }
        ArrayNode missing = root.putArray("not_measured");
        f.notMeasured().forEach(missing::add);
        return CompareJson.write(root);
    }

    private static void row(ObjectNode o, NoiseFloor.Row r) {
        o.put("benchmark", r.key().benchmark()).put("mode", r.key().mode()).put("threads", r.key().threads());
        ObjectNode params = o.putObject("params");
        r.key().params().forEach(params::put);
        o.put("unit", r.unit()).put("old_forks", r.oldForks()).put("new_forks", r.newForks());
        number(o, "old_spread", r.oldSpread());
        number(o, "new_spread", r.newSpread());
        number(o, "detectable_effect", r.detectable());
        ObjectNode forks = o.putObject("forks_needed");
        for (int i = 0; i < r.forksForBand().length; i++) {
            forks.put(band(NoiseFloor.BANDS[i]), r.forksForBand()[i]);
        }
        o.put("reason", r.reason());
    }

    /** "2%", "5%": the key a band's forks go under. */
    static String band(double fraction) {
        return String.format(Locale.ROOT, "%.0f%%", 100 * fraction);
    }

    private static void number(ObjectNode o, String field, double x) {
        if (Double.isFinite(x)) {
            o.put(field, x);
        } else {
            o.putNull(field);
        }
    }

    /** @throws IllegalArgumentException with a one-line message when the file is missing or not a noise-floor file */
    public static NoiseFloor read(Path file) {
        JsonNode root;
        try {
            root = MAPPER.readTree(file.toFile());
        } catch (IOException e) {
            throw new IllegalArgumentException("cannot read noise-floor file " + file + ": " + e.getMessage().lines().findFirst().orElse(""));
        }
        if (root == null || !KIND.equals(root.path("kind").asText())) {
            throw new IllegalArgumentException("not a noise-floor file (written by noise-floor --out): " + file);
        }
        List<NoiseFloor.Calibration> sets = new ArrayList<>();
        for (JsonNode s : root.path("sets")) {
            List<NoiseFloor.Row> rows = new ArrayList<>();
            for (JsonNode r : s.path("rows")) {
                TreeMap<String, String> params = new TreeMap<>();
                r.path("params").fields().forEachRemaining(e -> params.put(e.getKey(), e.getValue().asText()));
                int[] forks = new int[r.path("forks_needed").size()];
                for (int i = 0; i < forks.length && i < NoiseFloor.BANDS.length; i++) {
                    forks[i] = r.path("forks_needed").path(band(NoiseFloor.BANDS[i])).asInt();
                }
                rows.add(new NoiseFloor.Row(new RowKey(r.path("benchmark").asText(), r.path("mode").asText(), r.path("threads").asInt(1), params),
                        r.path("unit").asText(), r.path("old_forks").asInt(), r.path("new_forks").asInt(),
                        number(r, "old_spread"), number(r, "new_spread"), number(r, "detectable_effect"), forks,
                        r.path("reason").isTextual() ? r.path("reason").asText() : null));
            }
            sets.add(new NoiseFloor.Calibration(s.path("label").asText(""), Path.of(s.path("old").asText("")),
                    Path.of(s.path("new").asText("")), rows));
        }
        List<String> missing = new ArrayList<>();
        root.path("not_measured").forEach(m -> missing.add(m.asText()));
        return new NoiseFloor(root.path("alpha").asDouble(), root.path("power").asDouble(), sets, missing);
    }

    private static double number(JsonNode row, String field) {
        return row.path(field).isNumber() ? row.path(field).asDouble() : Double.NaN;
    }
}
