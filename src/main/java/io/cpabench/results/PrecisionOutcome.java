package io.cpabench.results;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * How "forks until precise" ended for one result row of a run: the forks it got, the spread of its
 * fork means (sd of their logs), its 95% interval's relative half-width, the target and cap it ran
 * under, and the outcome: {@code PRECISE}, {@code TOO_NOISY} (at the cap and still wider than the
 * target: too noisy on this machine) or {@code SHORT} (it stopped short of both: the run ended before the rule did).
 * Kept in the run's environment file under {@code forksUntilPrecise}.
 */
public record PrecisionOutcome(String benchmark, String mode, int threads, SortedMap<String, String> params, int forks,
                               double spread, double halfWidth, double precision, int maxForks, String outcome) {
    public static final String TOO_NOISY = "TOO_NOISY";

    public PrecisionOutcome {
        params = new TreeMap<>(params);
    }

    public boolean tooNoisy() {
        return TOO_NOISY.equals(outcome);
    }

    /** "DispatchBenchmark.run model=X workers=2: spread 18% after 30 forks, ±6.4% (wanted ±2%)". */
    public String describe() {
        StringBuilder s = new StringBuilder(benchmark.replaceFirst("^.*\\.(\\w+\\.\\w+)$", "$1"));
        if (threads != 1) {
            s.append(" threads=").append(threads);
        }
        params.forEach((k, v) -> s.append(' ').append(k).append('=').append(v));
        return s + ": spread " + pct(spread) + " after " + forks + " forks, ±" + pct(halfWidth) + " (wanted ±" + pct(precision) + ")";
    }

    private static String pct(double f) {
        return Double.isFinite(f) ? Numbers.sig(f * 100, 2) + "%" : "n/a";
    }

    public ObjectNode toJson() {
        ObjectNode o = JmhJson.MAPPER.createObjectNode();
        o.put("benchmark", benchmark).put("mode", mode).put("threads", threads);
        ObjectNode p = o.putObject("params");
        params.forEach(p::put);
        o.put("forks", forks);
        number(o, "spread", spread);
        number(o, "halfWidth", halfWidth);
        o.put("precision", precision).put("maxForks", maxForks).put("outcome", outcome);
        return o;
    }

    /** @throws IllegalArgumentException when {@code o} is not one {@link #toJson} wrote */
    public static PrecisionOutcome of(JsonNode o) {
        if (!o.path("benchmark").isTextual() || !o.path("outcome").isTextual() || !o.path("forks").isInt()) {
            throw new IllegalArgumentException("not a forksUntilPrecise row: " + o);
        }
        SortedMap<String, String> params = new TreeMap<>();
        o.path("params").fields().forEachRemaining((Map.Entry<String, JsonNode> e) -> params.put(e.getKey(), e.getValue().asText()));
        return new PrecisionOutcome(o.path("benchmark").asText(), o.path("mode").asText(), o.path("threads").asInt(1), params,
                o.path("forks").asInt(), JmhRow.number(o.path("spread")), JmhRow.number(o.path("halfWidth")),
                o.path("precision").asDouble(Double.NaN), o.path("maxForks").asInt(), o.path("outcome").asText());
    }

    // JSON has no NaN: a spread under two forks is null.
    private static void number(ObjectNode o, String field, double x) {
        if (Double.isFinite(x)) {
            o.put(field, x);
        } else {
            o.putNull(field);
        }
    }
}
