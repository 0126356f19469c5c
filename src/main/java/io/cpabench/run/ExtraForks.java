package io.cpabench.run;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.cpabench.results.JmhJson;
import io.cpabench.stats.ForksUntilPrecise;
import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The forks a run adds to rows short of their precision, and their record. When a row's forks have
 * all finished in every configuration, each configuration's own fork means are asked (never a
 * difference between configurations, so the rule cannot lean a comparison); if any asks for more,
 * the row grows by the most asked in every configuration, so fork k of each still runs in one round.
 *
 * <p>Every growth is written, before its forks run, to {@code growth.json} in each configuration's
 * parts directory, in the order decided. A resume replays the record at the same points of the same
 * walk, so it rebuilds the same pieces in the same places; a kill between the copies leaves one
 * shorter, and the longest is the record.
 */
final class ExtraForks {
    /** Row {@code row} (as {@link Schedule#row} names it) grew from {@code from} forks to {@code to}. */
    record Growth(String row, int from, int to) {}

    private static final ObjectMapper MAPPER = new ObjectMapper();

    private final List<JdkRun> runs;
    private final Map<String, Integer> recorded = new LinkedHashMap<>();
    private final List<Growth> all = new ArrayList<>();

    private ExtraForks(List<JdkRun> runs, List<Growth> record) {
        this.runs = runs;
        record.forEach(g -> recorded.put(g.row() + "\u0000" + g.from(), g.to()));
        all.addAll(record);
    }

    /** The record the run's parts directories hold (the longest copy), empty for a fresh run. */
    static ExtraForks load(List<JdkRun> runs) {
        List<Growth> longest = List.of();
        for (JdkRun r : runs) {
            List<Growth> g = r.parts().growth().map(t -> parse(t, r)).orElse(List.of());
            longest = g.size() > longest.size() ? g : longest;
        }
        return new ExtraForks(runs, longest);
    }

    /**
     * The row's fork count from now on: {@code from} when it stays as it is, more when it grows.
     *
     * @param rowPieces per configuration that has the row, its pieces so far, all finished
     */
    int forks(String row, Map<JdkRun, List<Piece>> rowPieces) throws IOException {
        int from = rowPieces.values().stream().mapToInt(List::size).max().orElse(0);
        Integer known = recorded.get(row + "\u0000" + from);
        if (known != null) {
            return known;
        }
        int extra = 0;
        for (Map.Entry<JdkRun, List<Piece>> e : rowPieces.entrySet()) {
            for (RowPrecision.Asked a : RowPrecision.ask(e.getKey().parts(), e.getValue())) {
                if (a.decision().outcome() == ForksUntilPrecise.Outcome.MORE) {
                    extra = Math.max(extra, a.decision().extraForks());
                }
            }
        }
        if (extra > 0) {
            all.add(new Growth(row, from, from + extra));
            String json = json();
            for (JdkRun r : runs) {
                r.parts().writeGrowth(json);
            }
        }
        return from + extra;
    }

    private String json() {
        ObjectNode root = MAPPER.createObjectNode();
        ArrayNode a = root.putArray("grown");
        all.forEach(g -> a.addObject().put("row", g.row()).put("from", g.from()).put("to", g.to()));
        return JmhJson.toJson(root);
    }

    private static List<Growth> parse(String text, JdkRun r) {
        try {
            List<Growth> out = new ArrayList<>();
            for (JsonNode g : MAPPER.readTree(text).path("grown")) {
                if (!g.path("row").isTextual() || g.path("to").asInt() <= g.path("from").asInt()) {
                    throw new IOException("bad entry " + g);
                }
                out.add(new Growth(g.path("row").asText(), g.path("from").asInt(), g.path("to").asInt()));
            }
            return out;
        } catch (IOException e) {
            throw new IllegalArgumentException(r.parts().path().resolve(io.cpabench.results.PartsDir.GROWTH) + " is corrupt: "
                    + e.getMessage().lines().findFirst().orElse(""));
        }
    }
}
