package io.cpabench.stats;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.UncheckedIOException;
import java.util.OptionalInt;

/**
 * {@code compare --format json}: {@code rows} holds one object per row, one-sided rows included
 * (verdict "only in old" / "only in new"), so a script sees every row either side had. Each object
 * names its {@code metric}: "score", or a latency percentile ("latency.p99") of the row before it,
 * which repeats the row's key and was judged against {@code min_effect_latency}. Rows a side marked
 * too noisy on its machine are not in {@code rows} but in {@code too_noisy}, with verdict "too noisy"
 * and each side's {@code old_precision}/{@code new_precision} (null for a side that did not mark it).
 */
public final class CompareJson {
    private static final ObjectMapper MAPPER = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    private CompareJson() {}

    public static String render(Comparison c) {
        return write(tree(c, MAPPER.createObjectNode()));
    }

    /**
     * Several labelled comparisons (a runner directory against another) as one document:
     * {@code comparisons} holds each pair's label, paths and the fields {@link #render} writes; the
     * labels one side only has are listed under {@code only_in_old} and {@code only_in_new}.
     */
    public static String render(LabelledComparisons all) {
        ObjectNode root = MAPPER.createObjectNode();
        ArrayNode pairs = root.putArray("comparisons");
        for (LabelledComparisons.Labelled l : all.comparisons()) {
            ObjectNode o = pairs.addObject();
            o.put("label", l.label()).put("old", l.oldPath().toString()).put("new", l.newPath().toString());
            tree(l.comparison(), o);
        }
        ArrayNode onlyOld = root.putArray("only_in_old");
        all.onlyOld().forEach(f -> onlyOld.addObject().put("label", f.label()).put("path", f.path().toString()));
        ArrayNode onlyNew = root.putArray("only_in_new");
        all.onlyNew().forEach(f -> onlyNew.addObject().put("label", f.label()).put("path", f.path().toString()));
        return write(root);
    }

    private static ObjectNode tree(Comparison c, ObjectNode root) {
        root.put("confidence", c.level());
        root.put("min_effect", c.minEffect());
        root.put("min_effect_latency", c.latencyMinEffect());
        ArrayNode rows = root.putArray("rows");
        c.rows().forEach(r -> {
            row(rows.addObject(), r, c);
            c.latencyOf(r.key()).forEach(l -> row(rows.addObject(), l, c));
        });
        c.onlyOld().forEach(r -> oneSided(rows.addObject(), r, "only in old"));
        c.onlyNew().forEach(r -> oneSided(rows.addObject(), r, "only in new"));
        ArrayNode noisy = root.putArray("too_noisy");
        c.tooNoisy().forEach(t -> {
            ObjectNode o = noisy.addObject();
            row(o, t.row(), c);
            o.put("verdict", "too noisy");
            o.put("reason", "too noisy on this machine: forks until precise reached its cap short of its precision");
            mark(o, "old_precision", t.oldMark());
            mark(o, "new_precision", t.newMark());
        });
        ArrayNode loads = root.putArray("machine_load");
        c.loads().forEach(l -> loads.addObject().put("side", l.side()).put("runs", l.runs()).put("measured_runs", l.measuredRuns())
                .put("pieces", l.load().pieces().size())
                .put("other_share", l.measuredRuns() == 0 ? null : l.load().otherShare())
                .put("steal_share", l.measuredRuns() == 0 ? null : l.load().stealShare())
                .put("busy_pieces", l.load().busy().size())
                .put("worst_share", l.measuredRuns() == 0 ? null : l.worstShare()));
        ArrayNode geo = root.putArray("geomeans");
        c.geomeans().forEach(g -> geo.addObject().put("benchmark_class", g.benchmarkClass()).put("mode", g.mode())
                .put("ratio", g.ratio()).put("rows", g.rows()));
        return root;
    }

    static String write(ObjectNode root) {
        try {
            return MAPPER.writeValueAsString(root) + System.lineSeparator();
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void row(ObjectNode o, RowComparison r, Comparison c) {
        key(o, r.key(), r.metric(), r.unit(), r.higherIsBetter());
        side(o.putObject("old"), r.oldSample(), r.oldInterval());
        side(o.putObject("new"), r.newSample(), r.newInterval());
        number(o, "ratio", r.ratio() == null ? Double.NaN : r.ratio().ratio());
        number(o, "ci_low", r.ratio() == null ? Double.NaN : r.ratio().low());
        number(o, "ci_high", r.ratio() == null ? Double.NaN : r.ratio().high());
        number(o, "p_value", r.pValue());
        o.put("verdict", r.verdict().word());
        o.put("reason", r.notComparable());
        OptionalInt forks = ForksNeeded.of(r, c.band(r), c.level());
        if (forks.isPresent()) {
            o.put("forks_needed", forks.getAsInt());
        } else {
            o.putNull("forks_needed");
        }
    }

    private static void oneSided(ObjectNode o, PooledRow r, String verdict) {
        key(o, r.key(), RowComparison.SCORE, r.unit(), r.higherIsBetter());
        side(o.putObject(verdict.endsWith("old") ? "old" : "new"), r.sample(), null);
        o.putNull("ratio");
        o.putNull("ci_low");
        o.putNull("ci_high");
        o.putNull("p_value");
        o.put("verdict", verdict);
        o.put("reason", "no matching row on the other side");
    }

    private static void key(ObjectNode o, RowKey k, String metric, String unit, boolean higherIsBetter) {
        o.put("benchmark", k.benchmark());
        o.put("metric", metric);
        o.put("mode", k.mode());
        o.put("threads", k.threads());
        ObjectNode params = o.putObject("params");
        k.params().forEach(params::put);
        o.put("unit", unit);
        o.put("higher_is_better", higherIsBetter);
    }

    private static void side(ObjectNode o, ForkSample s, MeanInterval ci) {
        o.put("forks", s.forks());
        number(o, "mean", s.mean());
        number(o, "median", s.median());
        number(o, "spread", ForksNeeded.spread(s));
        number(o, "ci_low", ci == null ? Double.NaN : ci.low());
        number(o, "ci_high", ci == null ? Double.NaN : ci.high());
    }

    private static void mark(ObjectNode o, String field, io.cpabench.results.PrecisionOutcome m) {
        if (m == null) {
            o.putNull(field);
            return;
        }
        ObjectNode p = o.putObject(field);
        p.put("forks", m.forks());
        number(p, "spread", m.spread());
        number(p, "half_width", m.halfWidth());
        p.put("precision", m.precision());
        p.put("max_forks", m.maxForks());
        p.put("outcome", m.outcome());
    }

    // JSON has no NaN: an absent number is null.
    private static void number(ObjectNode o, String field, double x) {
        if (Double.isNaN(x) || Double.isInfinite(x)) {
            o.putNull(field);
        } else {
            o.put(field, x);
        }
    }
}
