package io.cpabench.machine;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Comparator;
import java.util.DoubleSummaryStatistics;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * How quiet the machine was over a run, from its pieces' {@link MachineLoad}s. A piece that lost more
 * than {@value #BUSY_PIECE} of the CPUs to other processes or to steal measured a different machine:
 * its rows are suspect, and a nightly diff that calls them changed may be reporting the neighbour.
 */
public record RunLoad(List<MachineLoad> pieces, int piecesRun) {
    public static final double BUSY_PIECE = 0.10;
    /** Round trips this many times apart are two placements, not noise (60 against 440 ns seen here). */
    public static final double MOVED = 2;
    static final int WORST_KEPT = 5;

    public RunLoad {
        pieces = List.copyOf(pieces);
    }

    public double otherShare() {
        long total = pieces.stream().mapToLong(MachineLoad::total).sum();
        return total == 0 ? 0 : (double) pieces.stream().mapToLong(MachineLoad::other).sum() / total;
    }

    public double stealShare() {
        long total = pieces.stream().mapToLong(MachineLoad::total).sum();
        return total == 0 ? 0 : (double) pieces.stream().mapToLong(MachineLoad::steal).sum() / total;
    }

    /** The pieces that did not have the machine to themselves, worst first. */
    public List<MachineLoad> busy() {
        return pieces.stream().filter(p -> p.lostShare() > BUSY_PIECE).sorted(WORST_FIRST).toList();
    }

    private static final Comparator<MachineLoad> WORST_FIRST = Comparator.comparingDouble(MachineLoad::lostShare).reversed();

    /** The piece that lost most of the machine, if any was measured. */
    public Optional<MachineLoad> worst() {
        return pieces.stream().min(WORST_FIRST);
    }

    /** One line for the end of a run: always said, so a quiet run is shown quiet rather than assumed. */
    public String line() {
        if (pieces.isEmpty()) {
            return "machine load: not measured (no /proc/stat here)";
        }
        MachineLoad worst = worst().orElseThrow();
        DoubleSummaryStatistics trips = roundTrips();
        String roundTrip = trips.getCount() == 0 ? "" : String.format(Locale.ROOT,
                "; core-to-core round trip %.0f–%.0f ns before the pieces", trips.getMin(), trips.getMax());
        return String.format(Locale.ROOT,
                "machine load over %d pieces: other processes took %.1f%% of the CPUs, steal %.1f%%; worst piece %.1f%% (%s)%s",
                pieces.size(), 100 * otherShare(), 100 * stealShare(), 100 * worst.lostShare(), worst.piece(), roundTrip);
    }

    /** The core-to-core round trips measured before the pieces (those with one). */
    public DoubleSummaryStatistics roundTrips() {
        return pieces.stream().mapToDouble(MachineLoad::roundTripNanos).filter(Double::isFinite).summaryStatistics();
    }

    /**
     * Said when the round trip before some piece was {@value #MOVED}× or more that before another: the
     * host put the CPUs in different places during the run, and a hand-off row's forks met different
     * costs of the same hand-off.
     */
    public Optional<String> placementWarning() {
        DoubleSummaryStatistics trips = roundTrips();
        if (trips.getCount() < 2 || trips.getMax() < MOVED * trips.getMin()) {
            return Optional.empty();
        }
        long far = pieces.stream().filter(p -> p.roundTripNanos() >= MOVED * trips.getMin()).count();
        return Optional.of(String.format(Locale.ROOT,
                "WARNING CPUs moved: the core-to-core round trip was %.0f ns before some pieces and up to %.0f ns "
                        + "before %d of the %d pieces measured (the host placed the CPUs apart); a hand-off row's forks may have met "
                        + "both, and a hand-off costs more between cores that share no cache: compare them with care",
                trips.getMin(), trips.getMax(), far, trips.getCount()));
    }

    /** Said when some piece measured a busy machine, naming the worst ones. */
    public Optional<String> warning() {
        List<MachineLoad> busy = busy();
        if (busy.isEmpty()) {
            return Optional.empty();
        }
        StringBuilder b = new StringBuilder(String.format(Locale.ROOT,
                "WARNING machine busy: %d of %d pieces lost over %.0f%% of the CPUs to other processes or steal; their rows may be off, rerun or compare with care:",
                busy.size(), pieces.size(), 100 * BUSY_PIECE));
        busy.stream().limit(WORST_KEPT).forEach(p -> b.append(String.format(Locale.ROOT, " %s %.0f%%;", p.piece(), 100 * p.lostShare())));
        b.setLength(b.length() - 1);
        return Optional.of(b.toString());
    }

    public ObjectNode toJson() {
        ObjectNode o = JsonNodeFactory.instance.objectNode();
        o.put("source", "/proc/stat busy and steal ticks minus this process's and its forks' own, over each piece");
        o.put("piecesRun", piecesRun);
        o.put("piecesMeasured", pieces.size());
        o.put("otherShare", pieces.isEmpty() ? null : otherShare());
        o.put("stealShare", pieces.isEmpty() ? null : stealShare());
        o.put("busyPieceThreshold", BUSY_PIECE);
        DoubleSummaryStatistics trips = roundTrips();
        if (trips.getCount() > 0) {
            o.put("roundTripNanosMin", trips.getMin());
            o.put("roundTripNanosMax", trips.getMax());
        }
        ArrayNode busy = o.putArray("busyPieces");
        busy().forEach(p -> busy.add(p.toJson()));
        ArrayNode all = o.putArray("pieces");
        pieces.forEach(p -> all.add(p.toJson()));
        return o;
    }
}
