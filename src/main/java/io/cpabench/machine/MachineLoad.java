package io.cpabench.machine;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Instant;
import java.time.format.DateTimeParseException;

/**
 * What else the machine did while one piece measured, in CPU ticks summed over every CPU: {@code other}
 * is busy time outside the suite's own processes (a build, a neighbour's job), {@code steal} is time the
 * hypervisor gave to another guest, {@code total} is every CPU's whole time over the piece;
 * {@code roundTripNanos} is {@link CoreToCore}'s reading just before it (NaN when not measured).
 */
public record MachineLoad(String piece, Instant start, long other, long steal, long total, double roundTripNanos) {

    public MachineLoad(String piece, Instant start, long other, long steal, long total) {
        this(piece, start, other, steal, total, Double.NaN);
    }

    /** The same load with the core-to-core round trip measured before the piece. */
    public MachineLoad withRoundTrip(double nanos) {
        return new MachineLoad(piece, start, other, steal, total, nanos);
    }

    public static MachineLoad between(String piece, Instant start, CpuTicks before, CpuTicks after) {
        long busy = after.busy() - before.busy();
        long own = after.own() - before.own();
        // ticks are sampled, so a quiet machine can read a few ticks below zero
        return new MachineLoad(piece, start, Math.max(0, busy - own), Math.max(0, after.steal() - before.steal()),
                Math.max(0, after.total() - before.total()));
    }

    public double otherShare() {
        return total == 0 ? 0 : (double) other / total;
    }

    public double stealShare() {
        return total == 0 ? 0 : (double) steal / total;
    }

    /** The share of the machine the piece did not have to itself. */
    public double lostShare() {
        return otherShare() + stealShare();
    }

    public ObjectNode toJson() {
        ObjectNode o = JsonNodeFactory.instance.objectNode();
        o.put("piece", piece);
        o.put("start", start.toString());
        o.put("otherTicks", other);
        o.put("stealTicks", steal);
        o.put("totalTicks", total);
        if (Double.isFinite(roundTripNanos)) {
            o.put("roundTripNanos", roundTripNanos);
        }
        return o;
    }

    public static MachineLoad of(JsonNode o) {
        if (!o.path("piece").isTextual() || !o.path("start").isTextual() || !o.path("totalTicks").canConvertToLong()) {
            throw new IllegalArgumentException("not a machine load record: " + o);
        }
        try {
            double roundTrip = o.path("roundTripNanos").isNumber() ? o.path("roundTripNanos").asDouble() : Double.NaN;
            return new MachineLoad(o.path("piece").asText(), Instant.parse(o.path("start").asText()),
                    o.path("otherTicks").asLong(), o.path("stealTicks").asLong(), o.path("totalTicks").asLong(), roundTrip);
        } catch (DateTimeParseException e) {
            throw new IllegalArgumentException("not a machine load record: bad start in " + o, e);
        }
    }
}
